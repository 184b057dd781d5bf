using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OneAIHub.Grains.Interfaces.Users;
using OneAIHub.Tests.Infrastructure;
using static OneAIHub.Tests.AdminCatalog.AdminCatalogHarness;

namespace OneAIHub.Tests.AdminCatalog;

/// <summary>Who may call the admin catalog routes: admins everything, support the reads but the audit log, customers nothing.</summary>
[Collection(HubCollection.Name)]
public sealed class AdminCatalogRoleTests(HubFixture hub)
{
    private const string SomeId = "00000000-0000-4000-8000-0000000000ff";

    public static TheoryData<string, string> Reads => new()
    {
        { "GET", "/api/admin/models" },
        { "GET", "/api/admin/tiers" },
        { "GET", "/api/admin/rate-limits" },
        { "GET", "/api/admin/usage?groupBy=model" },
    };

    public static TheoryData<string, string> Writes => new()
    {
        { "POST", "/api/admin/model-configs" },
        { "PUT", $"/api/admin/model-configs/{SomeId}" },
        { "DELETE", $"/api/admin/model-configs/{SomeId}" },
        { "POST", "/api/admin/tiers" },
        { "PUT", $"/api/admin/tiers/{SomeId}" },
        { "DELETE", $"/api/admin/tiers/{SomeId}" },
        { "POST", "/api/admin/rate-limits" },
        { "PUT", $"/api/admin/rate-limits/{SomeId}" },
        { "DELETE", $"/api/admin/rate-limits/{SomeId}" },
        { "GET", "/api/admin/audit" },
    };

    public static TheoryData<string, string> Every
    {
        get
        {
            var all = new TheoryData<string, string>();
            foreach (var row in Reads.Concat(Writes)) all.Add((string)row[0], (string)row[1]);
            return all;
        }
    }

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        // A body that would be valid, so only the role decides the answer.
        Content = method is "POST" or "PUT" ? new StringContent("""
            {"modelId":"00000000-0000-4000-8000-0000000000ff","tierId":"00000000-0000-4000-8000-000000000001","name":"Role test",
             "price":1,"sortOrder":1000,"inputPricePerMillion":1,"outputPricePerMillion":1,
             "requestsPerMinute":1,"requestsPerDay":1,"tokensPerMinute":1,"tokensPerDay":1}
            """, Encoding.UTF8, "application/json") : null,
    };

    [Theory]
    [MemberData(nameof(Every))]
    public async Task AdminRoute_Customer_Returns403ProblemDetails(string method, string path)
    {
        var (token, _) = await UserAsync(hub);
        using var customer = hub.CreateClient(token);

        var response = await customer.SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(403, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Every))]
    public async Task AdminRoute_Anonymous_Returns401(string method, string path)
    {
        using var anonymous = hub.CreateClient();

        var response = await anonymous.SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task AdminWriteOrAudit_Support_Returns403AndWritesNothing(string method, string path)
    {
        var (token, _) = await UserAsync(hub, UserRoles.Support);
        using var support = hub.CreateClient(token);
        var tiers = await CountAsync(hub, "SELECT COUNT(*) FROM tiers");

        var response = await support.SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(tiers, await CountAsync(hub, "SELECT COUNT(*) FROM tiers"));
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task AdminRead_Support_Returns200(string method, string path)
    {
        var (token, _) = await UserAsync(hub, UserRoles.Support);
        using var support = hub.CreateClient(token);

        var response = await support.SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await response.Content.ReadFromJsonAsync<JsonElement>()).ValueKind);
    }
}
