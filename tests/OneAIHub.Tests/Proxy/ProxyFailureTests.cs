using System.Net;
using System.Text;
using Dapper;
using MySqlConnector;
using OneAIHub.Grains.Interfaces.Users;
using OneAIHub.Tests.Infrastructure;

namespace OneAIHub.Tests.Proxy;

[Collection(HubCollection.Name)]
public sealed class ProxyFailureTests(HubFixture hub) : IDisposable
{
    public void Dispose()
    {
        hub.LiteLLM.ClearFaults();
        hub.LiteLLM.SetDelay(TimeSpan.Zero);
    }

    [Fact]
    public async Task Chat_Upstream5xx_Gets502NoChargeAndReleasesTheWindow()
    {
        var model = await TestCatalog.AddModelAsync(hub, 5m, 5m, new TierLimits(TestCatalog.StarterTier, 2, 100, 100000, 1000000));
        var user = await TestAccounts.CreateAsync(hub, TestCatalog.StarterTier, 1m);
        using var client = hub.CreateClient();
        hub.LiteLLM.FailNext(503, count: 1, path: "/chat/completions", message: "provider overloaded");

        var failed = await client.SendAsync(ProxyHttp.Chat(user.ApiKey, model));
        var first = await client.SendAsync(ProxyHttp.Chat(user.ApiKey, model));
        var second = await client.SendAsync(ProxyHttp.Chat(user.ApiKey, model));

        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        var error = await ProxyHttp.ErrorAsync(failed);
        Assert.Equal("upstream_error", error.GetProperty("type").GetString());
        Assert.Contains("provider overloaded", error.GetProperty("message").GetString());
        // The failed request gave its place in the 2-per-minute window back.
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var row = await RowAsync(ProxyHttp.Header(failed, "x-request-id"));
        Assert.Equal(502, row.status_code);
        Assert.Equal(0m, row.total_cost);
    }

    [Fact]
    public async Task Chat_UpstreamHangs_Gets504AndNoCharge()
    {
        var model = await TestCatalog.AddModelAsync(hub, 5m, 5m, new TierLimits(TestCatalog.StarterTier, 100, 1000, 100000, 1000000));
        var user = await TestAccounts.CreateAsync(hub, TestCatalog.StarterTier, 1m);
        using var client = hub.CreateClient();
        hub.LiteLLM.Hang(path: "/chat/completions", count: 1);

        var response = await client.SendAsync(ProxyHttp.Chat(user.ApiKey, model));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("upstream_timeout", (await ProxyHttp.ErrorAsync(response)).GetProperty("code").GetString());
        var row = await RowAsync(ProxyHttp.Header(response, "x-request-id"));
        Assert.Equal(504, row.status_code);
        Assert.Equal(0m, row.total_cost);
        Assert.Equal(1m, (await hub.Cluster.Client.GetGrain<IUserGrain>(user.Id).GetProfileAsync())!.Balance);
    }

    [Fact]
    public async Task Chat_StreamWithoutIncludeUsage_ClientGetsNoUsageChunkButIsBilled()
    {
        var model = await TestCatalog.AddModelAsync(hub, 1m, 1m, new TierLimits(TestCatalog.StarterTier, 100, 1000, 100000, 1000000));
        var user = await TestAccounts.CreateAsync(hub, TestCatalog.StarterTier, 1m);
        using var client = hub.CreateClient();

        var response = await client.SendAsync(ProxyHttp.Chat(user.ApiKey, model, "alpha beta gamma", stream: true));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("\"usage\"", body);
        Assert.EndsWith("data: [DONE]\n\n", body);
        Assert.Contains("stream_options", hub.LiteLLM.RequestsTo("/chat/completions").Last().Body);
        var row = await RowAsync(ProxyHttp.Header(response, "x-request-id"));
        Assert.True(row.output_tokens > 0);
        Assert.True(row.total_cost > 0);
    }

    [Fact]
    public async Task Chat_StreamWithIncludeUsage_ClientGetsTheUsageChunk()
    {
        var model = await TestCatalog.AddModelAsync(hub, 1m, 1m, new TierLimits(TestCatalog.StarterTier, 100, 1000, 100000, 1000000));
        var user = await TestAccounts.CreateAsync(hub, TestCatalog.StarterTier, 1m);
        using var client = hub.CreateClient();

        var response = await client.SendAsync(ProxyHttp.Chat(user.ApiKey, model, "alpha beta", stream: true, includeUsage: true));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("\"usage\"", body);
    }

    [Fact]
    public async Task Chat_ClientDisconnectsMidStream_IsChargedForWhatWasStreamed()
    {
        var model = await TestCatalog.AddModelAsync(hub, 1000m, 1000m, new TierLimits(TestCatalog.StarterTier, 100, 1000, 100000, 1000000));
        var user = await TestAccounts.CreateAsync(hub, TestCatalog.StarterTier, 10m);
        hub.LiteLLM.SetDelay(TimeSpan.Zero, perChunk: TimeSpan.FromMilliseconds(300));
        var prompt = string.Join(' ', Enumerable.Range(1, 20).Select(i => $"w{i}"));
        using var client = hub.CreateClient();

        var response = await client.SendAsync(ProxyHttp.Chat(user.ApiKey, model, prompt, maxTokens: 30, stream: true),
            HttpCompletionOption.ResponseHeadersRead);
        var requestId = ProxyHttp.Header(response, "x-request-id");
        await using (var stream = await response.Content.ReadAsStreamAsync())
        {
            var buffer = new byte[4096];
            var seen = new StringBuilder();
            while (!seen.ToString().Contains("w2")) seen.Append(Encoding.UTF8.GetString(buffer, 0, await stream.ReadAsync(buffer)));
        }
        response.Dispose();

        var row = await RowAsync(requestId);
        Assert.Equal(499, row.status_code);
        Assert.True(row.streamed);
        Assert.InRange(row.output_tokens, 1, 20);
        Assert.True(row.input_tokens > 20);
        Assert.Equal((row.input_tokens + row.output_tokens) * 1000m / 1_000_000m, row.total_cost);
    }

    private async Task<RequestRow> RowAsync(string requestId)
    {
        await using var db = new MySqlConnection(hub.ConnectionString);
        for (var i = 0; i < 100; i++)
        {
            var row = await db.QuerySingleOrDefaultAsync<RequestRow>("SELECT * FROM requests WHERE request_id = @requestId", new { requestId });
            if (row is not null) return row;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No request row for {requestId}.");
    }
}
