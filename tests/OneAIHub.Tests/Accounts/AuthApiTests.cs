using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using MySqlConnector;
using OneAIHub.Tests.Infrastructure;

namespace OneAIHub.Tests.Accounts;

[Collection(HubCollection.Name)]
public sealed class AuthApiTests(HubFixture hub)
{
    [Fact]
    public async Task Register_ValidInput_CreatesPendingCustomerOnFreeTierAndReturnsToken()
    {
        var email = Users.NewEmail();
        using var client = hub.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/register", new { email, password = Users.Password, displayName = "Ада" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var user = body.GetProperty("user");
        Assert.Equal(email, user.GetProperty("email").GetString());
        Assert.Equal("customer", user.GetProperty("role").GetString());
        Assert.Equal("pending_approval", user.GetProperty("status").GetString());
        Assert.Equal("Free", user.GetProperty("tier").GetProperty("name").GetString());
        Assert.Equal("Ада", user.GetProperty("displayName").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("token").GetString()));

        await using var db = new MySqlConnection(hub.ConnectionString);
        var hash = await db.QuerySingleAsync<string>("SELECT password_hash FROM users WHERE email = @email", new { email });
        Assert.DoesNotContain(Users.Password, hash);
        Assert.StartsWith("AQAAAA", hash); // ASP.NET Identity v3 hash format
    }

    [Fact]
    public async Task Login_RightPassword_ReturnsTokenThatOpensProfile()
    {
        var email = Users.NewEmail();
        await Users.RegisterAsync(hub, email);

        var token = await hub.LoginAsync(email.ToUpperInvariant(), Users.Password);
        using var client = hub.CreateClient(token);
        var profile = await client.GetFromJsonAsync<JsonElement>("/api/profile");

        Assert.Equal(email, profile.GetProperty("email").GetString());
        Assert.Equal(0m, profile.GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task Login_WrongPasswordOrUnknownEmail_Returns401ProblemDetails()
    {
        var email = Users.NewEmail();
        await Users.RegisterAsync(hub, email);
        using var client = hub.CreateClient();

        var wrong = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "not-the-password-1" });
        var unknown = await client.PostAsJsonAsync("/api/auth/login", new { email = Users.NewEmail(), password = Users.Password });

        foreach (var response in new[] { wrong, unknown })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(401, problem.GetProperty("status").GetInt32());
            Assert.Equal("The email or password is wrong.", problem.GetProperty("detail").GetString());
        }
    }

    [Theory]
    [InlineData("""{"password":"correct-horse-42"}""", "email", "Email is required.")]
    [InlineData("""{"email":"not-an-email","password":"correct-horse-42"}""", "email", "Email is not a valid address.")]
    [InlineData("""{"email":"short@example.com","password":"abc1"}""", "password", "Password must be at least 10 characters.")]
    [InlineData("""{"email":"letters@example.com","password":"onlyletterspassword"}""", "password", "Password must contain at least one letter and one digit.")]
    [InlineData("""{"email":"nopass@example.com"}""", "password", "Password is required.")]
    public async Task Register_BadInput_Returns400WithFieldErrorAndWritesNothing(string json, string field, string message)
    {
        var before = await CountUsersAsync();
        using var client = hub.CreateClient();

        var response = await client.PostAsync("/api/auth/register", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(message, problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(before, await CountUsersAsync());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"email": 42, "password": ["x"]}""")]
    [InlineData("")]
    public async Task Register_MalformedBody_Returns400ProblemAndWritesNothing(string body)
    {
        var before = await CountUsersAsync();
        using var client = hub.CreateClient();

        var response = await client.PostAsync("/api/auth/register", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountUsersAsync());
    }

    [Fact]
    public async Task Register_DuplicateEmail_Returns409AndKeepsOneRow()
    {
        var email = Users.NewEmail();
        await Users.RegisterAsync(hub, email);
        using var client = hub.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/register", new { email = email.ToUpperInvariant(), password = Users.Password });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("An account with this email already exists.", problem.GetProperty("detail").GetString());
        await using var db = new MySqlConnection(hub.ConnectionString);
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM users WHERE email = @email", new { email }));
    }

    [Fact]
    public async Task Register_ConcurrentSameEmail_OnlyOneAccount()
    {
        var email = Users.NewEmail();
        using var client = hub.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            client.PostAsJsonAsync("/api/auth/register", new { email, password = Users.Password })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        await using var db = new MySqlConnection(hub.ConnectionString);
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM users WHERE email = @email", new { email }));
    }

    [Fact]
    public async Task Register_OversizedBody_Returns413AndWritesNothing()
    {
        var before = await CountUsersAsync();
        using var client = hub.CreateClient();
        var huge = new string('a', 200_000);

        var response = await client.PostAsJsonAsync("/api/auth/register", new { email = Users.NewEmail(), password = Users.Password, displayName = huge });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await CountUsersAsync());
    }

    [Fact]
    public async Task Profile_WithoutOrWithBadToken_Returns401()
    {
        using var anonymous = hub.CreateClient();
        using var forged = hub.CreateClient("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/profile")).StatusCode);
    }

    [Fact]
    public async Task UnknownApiPath_Returns404ProblemDetails()
    {
        using var client = hub.CreateClient();

        var response = await client.GetAsync("/api/does-not-exist");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_LiveAndReady_ReportMySqlAndCluster()
    {
        using var client = hub.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetFromJsonAsync<JsonElement>("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("mysql").GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("cluster").GetProperty("status").GetString());
    }

    [Fact]
    public async Task SwaggerUi_IsServedAtApiDocs()
    {
        using var client = hub.CreateClient();

        var ui = await client.GetAsync("/api/docs/index.html");
        var document = await client.GetFromJsonAsync<JsonElement>("/api/docs/v1/swagger.json");

        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/auth/register", out _));
    }

    private async Task<int> CountUsersAsync()
    {
        await using var db = new MySqlConnection(hub.ConnectionString);
        return await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM users");
    }
}
