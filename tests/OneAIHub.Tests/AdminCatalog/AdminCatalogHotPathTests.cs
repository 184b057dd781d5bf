using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using MySqlConnector;
using OneAIHub.Grains.Interfaces.Users;
using OneAIHub.Tests.Infrastructure;
using OneAIHub.Tests.LiteLLMStandin;
using static OneAIHub.Tests.AdminCatalog.AdminCatalogHarness;

namespace OneAIHub.Tests.AdminCatalog;

/// <summary>Admin edits reach the proxy (the user grains' catalog copies on the silos) within a second, without a restart.</summary>
[Collection(HubCollection.Name)]
public sealed class AdminCatalogHotPathTests(HubFixture hub)
{
    // The catalog copies poll every half second; one second covers a poll and the request.
    private static readonly TimeSpan HotPathDelay = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task PriceEdit_NextRequestAfterASecond_IsChargedAtTheNewPrice()
    {
        await using var setup = await CallerAsync(requestsPerMinute: 0);

        var before = await setup.ChatAsync();
        (await setup.Admin.PutAsJsonAsync($"/api/admin/model-configs/{setup.Model.Id}",
            new { inputPricePerMillion = 1000m, outputPricePerMillion = 2000m })).EnsureSuccessStatusCode();
        await Task.Delay(HotPathDelay);
        var after = await setup.ChatAsync();

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var old = await RequestRowAsync(before);
        var @new = await RequestRowAsync(after);
        Assert.True(old.input_tokens > 0);
        Assert.Equal(old.input_tokens * 1m / 1_000_000m, old.input_cost);
        Assert.Equal(@new.input_tokens * 1000m / 1_000_000m, @new.input_cost);
        Assert.Equal(@new.output_tokens * 2000m / 1_000_000m, @new.output_cost);
    }

    [Fact]
    public async Task RateLimitEdit_NextRequestAfterASecond_UsesTheNewLimit()
    {
        await using var setup = await CallerAsync(requestsPerMinute: 1);

        var first = await setup.ChatAsync();
        var refused = await setup.ChatAsync();
        (await setup.Admin.PutAsJsonAsync($"/api/admin/rate-limits/{setup.RateLimitId}", RateLimitBody(setup.Model.Id, StarterTierId, 5, 0, 0, 0)))
            .EnsureSuccessStatusCode();
        await Task.Delay(HotPathDelay);
        var admitted = await setup.ChatAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        Assert.Equal("5", admitted.Headers.GetValues("x-ratelimit-limit-requests").Single());
    }

    /// <summary>A model in the stand-in and the hub, a Starter limit on it, and an active paying Starter user with a key.</summary>
    private async Task<Caller> CallerAsync(int requestsPerMinute)
    {
        var externalId = $"test-model-{Guid.NewGuid():N}";
        hub.LiteLLM.AddModel(new StandinModelSpec(externalId, "openai/gpt-3.5-turbo"));
        var model = await InsertModelAsync(hub, liteLlmInput: 1m, liteLlmOutput: 2m, externalId: externalId);
        var admin = hub.CreateClient(await hub.AdminTokenAsync());
        (await admin.PutAsJsonAsync($"/api/admin/model-configs/{model.Id}", new { inputPricePerMillion = 1m, outputPricePerMillion = 2m }))
            .EnsureSuccessStatusCode();
        var rateLimitId = await CreateRateLimitAsync(admin, RateLimitBody(model.Id, StarterTierId, requestsPerMinute, 0, 0, 0));

        var (token, userId) = await UserAsync(hub);
        var user = hub.Cluster.Client.GetGrain<IUserGrain>(userId);
        await user.UpdateAsync(new UserUpdate(null, StarterTierId, UserStatuses.Active, null, null, false));
        await user.AdjustBalanceAsync(10m, "admin catalog hot path test", null);
        using var owner = hub.CreateClient(token);
        var created = await owner.PostAsJsonAsync("/api/keys", new { name = "hot path" });
        created.EnsureSuccessStatusCode();
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        await Task.Delay(HotPathDelay);
        return new Caller(hub, admin, model, rateLimitId, key);
    }

    private async Task<RequestRow> RequestRowAsync(HttpResponseMessage response)
    {
        var requestId = response.Headers.GetValues("x-request-id").Single();
        await using var db = new MySqlConnection(hub.ConnectionString);
        var row = await EventuallyAsync(
            () => db.QuerySingleOrDefaultAsync<RequestRow>(
                "SELECT input_tokens, output_tokens, input_cost, output_cost FROM requests WHERE request_id = @requestId", new { requestId }),
            r => r is not null);
        return row ?? throw new Xunit.Sdk.XunitException($"No request row for {requestId}.");
    }

    private sealed class Caller(HubFixture hub, HttpClient admin, SeededModel model, string rateLimitId, string key) : IAsyncDisposable
    {
        public HttpClient Admin => admin;
        public SeededModel Model => model;
        public string RateLimitId => rateLimitId;

        public async Task<HttpResponseMessage> ChatAsync()
        {
            using var client = hub.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            return await client.PostAsJsonAsync("/v1/chat/completions", new
            {
                model = model.ExternalId, max_tokens = 16, messages = new[] { new { role = "user", content = "Say hello." } },
            });
        }

        public ValueTask DisposeAsync()
        {
            hub.LiteLLM.RemoveModel(model.ExternalId);
            admin.Dispose();
            return ValueTask.CompletedTask;
        }
    }

#pragma warning disable IDE1006 // Dapper maps the snake_case columns by name.
    private sealed record RequestRow
    {
        public int input_tokens { get; init; }
        public int output_tokens { get; init; }
        public decimal input_cost { get; init; }
        public decimal output_cost { get; init; }
    }
#pragma warning restore IDE1006
}
