using System.Net;
using OneAIHub.Tests.Infrastructure;
using OneAIHub.Tests.Proxy;

namespace OneAIHub.Tests.Operations;

[Collection(HubCollection.Name)]
public sealed class OperationsTests(HubFixture hub)
{
    [Fact]
    public async Task Metrics_AfterProxyTraffic_ExposeProxyAndRuntimeMeters()
    {
        var model = await TestCatalog.AddModelAsync(hub, 1m, 1m, new TierLimits(TestCatalog.StarterTier, 100, 1000, 100000, 1000000));
        var user = await TestAccounts.CreateAsync(hub, TestCatalog.StarterTier, 1m);
        using var client = hub.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(ProxyHttp.Chat(user.ApiKey, model))).StatusCode);
        await client.SendAsync(ProxyHttp.Chat("ohk-wrong-key-000000000000000000000000", model));

        var text = "";
        for (var i = 0; i < 30 && !text.Contains("oneaihub_proxy_rejections"); i++)
        {
            await Task.Delay(200);
            text = await client.GetStringAsync("/metrics");
        }

        Assert.Contains("oneaihub_proxy_requests", text);
        Assert.Contains("oneaihub_proxy_hub_overhead", text);
        Assert.Contains("oneaihub_proxy_tokens", text);
        Assert.Contains("reason=\"InvalidKey\"", text);
        Assert.Contains("http_server_request_duration", text);
    }

    [Fact]
    public async Task OrleansDashboard_IsForAdminsOnly()
    {
        var (customerToken, _) = await Users.RegisterAsync(hub);
        using var anonymous = hub.CreateClient();
        using var customer = hub.CreateClient(customerToken);
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var anonymousAnswer = await anonymous.GetAsync("/orleans-dashboard/");
        var customerAnswer = await customer.GetAsync("/orleans-dashboard/");
        var session = await admin.PostAsync("/api/auth/dashboard-session", null);
        var cookie = session.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        using var browser = hub.CreateClient();
        browser.DefaultRequestHeaders.Add("Cookie", cookie);
        var adminAnswer = await browser.GetAsync("/orleans-dashboard/");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymousAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, customerAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.PostAsync("/api/auth/dashboard-session", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminAnswer.StatusCode);
        Assert.Contains("html", (await adminAnswer.Content.ReadAsStringAsync()).ToLowerInvariant());
    }

    [Fact]
    public async Task RequestId_IsReturnedAndStoredOnTheRow()
    {
        var model = await TestCatalog.AddModelAsync(hub, 1m, 1m, new TierLimits(TestCatalog.StarterTier, 100, 1000, 100000, 1000000));
        var user = await TestAccounts.CreateAsync(hub, TestCatalog.StarterTier, 1m);
        using var client = hub.CreateClient();

        var response = await client.SendAsync(ProxyHttp.Chat(user.ApiKey, model));
        var requestId = ProxyHttp.Header(response, "x-request-id");

        await using var db = new MySqlConnector.MySqlConnection(hub.ConnectionString);
        var found = 0;
        for (var i = 0; i < 50 && found == 0; i++)
        {
            await Task.Delay(100);
            found = await Dapper.SqlMapper.ExecuteScalarAsync<int>(db, "SELECT COUNT(*) FROM requests WHERE request_id = @requestId", new { requestId });
        }
        Assert.Equal(1, found);
        Assert.Matches("^req_[0-9a-f]{24}$", requestId);
    }
}
