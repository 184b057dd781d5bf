using System.Net;
using System.Net.Http.Json;
using OneAIHub.Tests.Infrastructure;

namespace OneAIHub.Tests.AdminUsers;

/// <summary>Customers are refused every admin route of users and budgets; support may read users and hub budgets only.</summary>
[Collection(HubCollection.Name)]
public sealed class AdminRolesTests(HubFixture hub)
{
    private static readonly string Someone = Guid.NewGuid().ToString();

    public static TheoryData<string, string> Reads => new()
    {
        { "GET", "/api/admin/users" },
        { "GET", $"/api/admin/users/{Someone}" },
        { "GET", "/api/admin/free-tier-requests" },
        { "GET", "/api/admin/budgets" },
    };

    public static TheoryData<string, string> Writes => new()
    {
        { "POST", "/api/admin/users" },
        { "PUT", $"/api/admin/users/{Someone}" },
        { "DELETE", $"/api/admin/users/{Someone}" },
        { "POST", $"/api/admin/users/{Someone}/balance" },
        { "POST", $"/api/admin/approve/{Someone}" },
        { "POST", "/api/admin/budgets/sync" },
        { "GET", "/api/admin/budgets/litellm" },
        { "POST", "/api/admin/budgets/litellm" },
        { "PUT", "/api/admin/budgets/litellm/some-budget" },
        { "DELETE", "/api/admin/budgets/litellm/some-budget" },
    };

    public static TheoryData<string, string> All
    {
        get
        {
            var all = new TheoryData<string, string>();
            foreach (var row in Reads.Concat(Writes)) all.Add((string)row[0], (string)row[1]);
            return all;
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public async Task AdminRoute_Customer_Returns403(string method, string path)
    {
        var customer = await Customers.CreateWithRoleAsync(hub, "customer");

        var response = await SendAsync(hub.CreateClient(customer.Token), method, path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(All))]
    public async Task AdminRoute_Anonymous_Returns401(string method, string path)
    {
        var response = await SendAsync(hub.CreateClient(), method, path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task ReadRoute_Support_IsAllowed(string method, string path)
    {
        var support = await Customers.CreateWithRoleAsync(hub, "support");

        var response = await SendAsync(hub.CreateClient(support.Token), method, path);

        // An unknown user id is the handler's 404: the role check let it through.
        var expected = path.Contains(Someone, StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.OK;
        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task WriteRoute_Support_Returns403(string method, string path)
    {
        var support = await Customers.CreateWithRoleAsync(hub, "support");

        var response = await SendAsync(hub.CreateClient(support.Token), method, path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Role_DemotedAdmin_LosesAdminRoutesAtOnce()
    {
        var admin = await Customers.CreateWithRoleAsync(hub, "admin");
        using var client = hub.CreateClient(admin.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/admin/users")).StatusCode);
        using var root = hub.CreateClient(await hub.AdminTokenAsync());

        (await root.PutAsJsonAsync($"/api/admin/users/{admin.Id}", new { role = "customer" })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/users")).StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path)
    {
        using (client)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT") request.Content = JsonContent.Create(new { });
            return await client.SendAsync(request);
        }
    }
}
