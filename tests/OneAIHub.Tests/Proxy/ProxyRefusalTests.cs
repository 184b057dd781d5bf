using System.Net;
using System.Net.Http.Json;
using Dapper;
using MySqlConnector;
using OneAIHub.Grains.Interfaces.Users;
using OneAIHub.Tests.Infrastructure;

namespace OneAIHub.Tests.Proxy;

[Collection(HubCollection.Name)]
public sealed class ProxyRefusalTests(HubFixture hub)
{
    [Fact]
    public async Task Chat_MissingOrWrongKey_Returns401OpenAIError()
    {
        using var client = hub.CreateClient();

        var missing = await client.SendAsync(ProxyHttp.Post("/v1/chat/completions", null, "{}"));
        var wrong = await client.SendAsync(ProxyHttp.Chat("ohk-not-a-real-key-at-all-0000000000000", "gpt-4o"));

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("missing_api_key", (await ProxyHttp.ErrorAsync(missing)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("invalid_api_key", (await ProxyHttp.ErrorAsync(wrong)).GetProperty("code").GetString());
        Assert.StartsWith("req_", ProxyHttp.Header(wrong, "x-request-id"));
    }

    [Fact]
    public async Task Chat_KeyInXApiKeyHeader_IsAccepted()
    {
        var model = await TestCatalog.AddModelAsync(hub, 0m, 0m, new TierLimits(TestCatalog.StarterTier, 10, 100, 100000, 1000000));
        var user = await TestAccounts.CreateAsync(hub, TestCatalog.StarterTier, 0m);
        using var client = hub.CreateClient();
        var request = ProxyHttp.Chat(user.ApiKey, model);
        request.Headers.Authorization = null;
        request.Headers.Add("X-API-Key", user.ApiKey);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Chat_RevokedKey_IsRefusedOnTheNextRequestOnEveryInstance()
    {
        var model = await TestCatalog.AddModelAsync(hub, 0m, 0m, new TierLimits(TestCatalog.StarterTier, 100, 1000, 100000, 1000000));
        var user = await TestAccounts.CreateAsync(hub, TestCatalog.StarterTier, 0m);
        using var a = hub.CreateClient();
        using var b = new HttpClient { BaseAddress = await hub.SecondWebApiAsync() };
        Assert.Equal(HttpStatusCode.OK, (await a.SendAsync(ProxyHttp.Chat(user.ApiKey, model))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.SendAsync(ProxyHttp.Chat(user.ApiKey, model))).StatusCode);

        using var owner = hub.CreateClient(user.Token);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/keys/{user.ApiKeyId}")).StatusCode);
        var afterA = await a.SendAsync(ProxyHttp.Chat(user.ApiKey, model));
        var afterB = await b.SendAsync(ProxyHttp.Chat(user.ApiKey, model));

        Assert.Equal(HttpStatusCode.Unauthorized, afterA.StatusCode);
        Assert.Equal("api_key_revoked", (await ProxyHttp.ErrorAsync(afterA)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, afterB.StatusCode);
    }

    [Fact]
    public async Task Chat_AccountAwaitingApproval_Gets403SayingSo()
    {
        var model = await TestCatalog.AddModelAsync(hub, 0m, 0m, new TierLimits(TestCatalog.FreeTier, 10, 100, 100000, 1000000));
        var (token, _) = await Users.RegisterAsync(hub);
        using var owner = hub.CreateClient(token);
        var created = await (await owner.PostAsJsonAsync("/api/keys", new { name = "k" })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        using var client = hub.CreateClient();

        var response = await client.SendAsync(ProxyHttp.Chat(created.GetProperty("key").GetString()!, model));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var error = await ProxyHttp.ErrorAsync(response);
        Assert.Equal("account_pending_approval", error.GetProperty("code").GetString());
        Assert.Contains("approve", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Chat_BalanceCannotCoverReservation_Gets402AndNothingIsCharged()
    {
        var model = await TestCatalog.AddModelAsync(hub, 10m, 30m, new TierLimits(TestCatalog.StarterTier, 10, 100, 100000, 1000000));
        var user = await TestAccounts.CreateAsync(hub, TestCatalog.StarterTier, 0.0001m);
        using var client = hub.CreateClient();

        var response = await client.SendAsync(ProxyHttp.Chat(user.ApiKey, model, maxTokens: 1000));

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal("insufficient_quota", (await ProxyHttp.ErrorAsync(response)).GetProperty("type").GetString());
        Assert.Equal(0.0001m, (await hub.Cluster.Client.GetGrain<IUserGrain>(user.Id).GetProfileAsync())!.Balance);
    }

    [Fact]
    public async Task Chat_UnknownModelOrModelOfAnotherTier_Gets404Or403()
    {
        var proModel = await TestCatalog.AddModelAsync(hub, 1m, 1m, new TierLimits(TestCatalog.ProTier, 10, 100, 100000, 1000000));
        var user = await TestAccounts.CreateAsync(hub, TestCatalog.StarterTier, 1m);
        using var client = hub.CreateClient();

        var unknown = await client.SendAsync(ProxyHttp.Chat(user.ApiKey, "no-such-model"));
        var otherTier = await client.SendAsync(ProxyHttp.Chat(user.ApiKey, proModel));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("model_not_found", (await ProxyHttp.ErrorAsync(unknown)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, otherTier.StatusCode);
        Assert.Equal("model_not_in_tier", (await ProxyHttp.ErrorAsync(otherTier)).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("{not json", null)]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}]}""", "model")]
    [InlineData("""{"model":"m","messages":"nope"}""", "messages")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"max_tokens":999999999999}""", "max_tokens")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"max_tokens":"ten"}""", "max_tokens")]
    [InlineData("""{"model":"m","messages":[]}""", "messages")]
    public async Task Chat_BadBody_Gets400InvalidRequestAndWritesNothing(string json, string? param)
    {
        var user = await TestAccounts.CreateAsync(hub, TestCatalog.StarterTier, 1m);
        using var client = hub.CreateClient();

        var response = await client.SendAsync(ProxyHttp.Post("/v1/chat/completions", user.ApiKey, json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await ProxyHttp.ErrorAsync(response);
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        if (param is not null) Assert.Equal(param, error.GetProperty("param").GetString());
        await Task.Delay(400);
        await using var db = new MySqlConnection(hub.ConnectionString);
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM requests WHERE user_id = @Id", user));
    }
}
