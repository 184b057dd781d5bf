using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OneAIHub.Tests.Infrastructure;
using static OneAIHub.Tests.AdminCatalog.AdminCatalogHarness;

namespace OneAIHub.Tests.AdminCatalog;

[Collection(HubCollection.Name)]
public sealed class AdminRateLimitsApiTests(HubFixture hub)
{
    private static Task<JsonElement> PublicLimitsAsync(HttpClient client) => client.GetFromJsonAsync<JsonElement>("/api/rate-limits");

    private static JsonElement? Find(JsonElement list, string id) =>
        list.EnumerateArray().Where(l => l.GetProperty("id").GetString() == id).Select(l => (JsonElement?)l).FirstOrDefault();

    [Fact]
    public async Task CreateLimit_ValidInput_Returns201WithNamesAndWritesRowAuditAndPublicList()
    {
        var model = await InsertModelAsync(hub);
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var response = await admin.PostAsJsonAsync("/api/admin/rate-limits", RateLimitBody(model.Id, StarterTierId, rpm: 7));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var limit = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = limit.GetProperty("id").GetString()!;
        Assert.Equal(model.Name, limit.GetProperty("modelName").GetString());
        Assert.Equal("Starter", limit.GetProperty("tierName").GetString());
        Assert.Equal(7, limit.GetProperty("requestsPerMinute").GetInt32());
        Assert.Equal(1, await CountAsync(hub,
            "SELECT COUNT(*) FROM rate_limits WHERE id = @id AND model_id = @modelId AND tier_id = @tierId AND requests_per_minute = 7",
            new { id, modelId = model.Id, tierId = StarterTierId }));
        var entry = Assert.Single(await AuditAsync(admin, "rate_limit", id));
        Assert.Equal("rate_limit.create", entry.GetProperty("action").GetString());
        Assert.Equal(7, entry.GetProperty("after").GetProperty("requestsPerMinute").GetInt32());

        using var anonymous = hub.CreateClient();
        var published = await EventuallyAsync(() => PublicLimitsAsync(anonymous), list => Find(list, id) is not null);
        Assert.NotNull(Find(published, id));
    }

    [Fact]
    public async Task CreateLimit_SameModelAndTierTwice_Returns409AndKeepsOneRow()
    {
        var model = await InsertModelAsync(hub);
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());
        await CreateRateLimitAsync(admin, RateLimitBody(model.Id, FreeTierId));

        var again = await admin.PostAsJsonAsync("/api/admin/rate-limits", RateLimitBody(model.Id, FreeTierId, rpm: 99));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(1, await CountAsync(hub, "SELECT COUNT(*) FROM rate_limits WHERE model_id = @Id", model));
        Assert.Equal(0, await CountAsync(hub, "SELECT COUNT(*) FROM rate_limits WHERE model_id = @Id AND requests_per_minute = 99", model));
    }

    [Fact]
    public async Task CreateLimit_UnknownModelOrTier_Returns400FieldErrorAndWritesNothing()
    {
        var model = await InsertModelAsync(hub);
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());
        var unknownModel = Guid.NewGuid().ToString();

        var badModel = await admin.PostAsJsonAsync("/api/admin/rate-limits", RateLimitBody(unknownModel, FreeTierId));
        var badTier = await admin.PostAsJsonAsync("/api/admin/rate-limits", RateLimitBody(model.Id, Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.BadRequest, badModel.StatusCode);
        Assert.Contains($"No model '{unknownModel}'.", await FieldErrorsAsync(badModel, "modelId"));
        Assert.Equal(HttpStatusCode.BadRequest, badTier.StatusCode);
        Assert.Single(await FieldErrorsAsync(badTier, "tierId"));
        Assert.Equal(0, await CountAsync(hub, "SELECT COUNT(*) FROM rate_limits WHERE model_id IN (@Id, @unknownModel)", new { model.Id, unknownModel }));
    }

    [Theory]
    [InlineData("requestsPerMinute", "Requests per minute must be zero or more.")]
    [InlineData("requestsPerDay", "Requests per day must be zero or more.")]
    [InlineData("tokensPerMinute", "Tokens per minute must be zero or more.")]
    [InlineData("tokensPerDay", "Tokens per day must be zero or more.")]
    public async Task CreateLimit_NegativeValue_Returns400FieldErrorAndWritesNothing(string field, string message)
    {
        var model = await InsertModelAsync(hub);
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());
        var body = JsonSerializer.SerializeToNode(RateLimitBody(model.Id, FreeTierId))!.AsObject();
        body[field] = -1;

        var response = await admin.PostAsync("/api/admin/rate-limits", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await FieldErrorsAsync(response, field));
        Assert.Equal(0, await CountAsync(hub, "SELECT COUNT(*) FROM rate_limits WHERE model_id = @Id", model));
    }

    [Fact]
    public async Task CreateLimit_MissingModelAndValue_Returns400WithEveryFieldError()
    {
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var response = await admin.PostAsJsonAsync("/api/admin/rate-limits", new { tierId = FreeTierId, requestsPerMinute = 1, requestsPerDay = 1, tokensPerMinute = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Model is required.", await FieldErrorsAsync(response, "modelId"));
        Assert.Contains("Tokens per day is required.", await FieldErrorsAsync(response, "tokensPerDay"));
    }

    [Fact]
    public async Task UpdateLimit_NewValues_Returns200AuditsAndReachesPublicListWithinASecond()
    {
        var model = await InsertModelAsync(hub);
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());
        var id = await CreateRateLimitAsync(admin, RateLimitBody(model.Id, FreeTierId, rpm: 5));
        using var anonymous = hub.CreateClient();

        var response = await admin.PutAsJsonAsync($"/api/admin/rate-limits/{id}", RateLimitBody(model.Id, FreeTierId, rpm: 50, tpd: 0));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var published = await EventuallyAsync(() => PublicLimitsAsync(anonymous),
            list => Find(list, id)?.GetProperty("requestsPerMinute").GetInt32() == 50);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(50, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestsPerMinute").GetInt32());
        Assert.Equal(50, Find(published, id)!.Value.GetProperty("requestsPerMinute").GetInt32());
        Assert.Equal(0, Find(published, id)!.Value.GetProperty("tokensPerDay").GetInt32());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"The public list took {clock.Elapsed}.");
        Assert.Equal(1, await CountAsync(hub, "SELECT COUNT(*) FROM rate_limits WHERE id = @id AND requests_per_minute = 50 AND tokens_per_day = 0", new { id }));
        var update = (await AuditAsync(admin, "rate_limit", id)).First();
        Assert.Equal("rate_limit.update", update.GetProperty("action").GetString());
        Assert.Equal(5, update.GetProperty("before").GetProperty("requestsPerMinute").GetInt32());
        Assert.Equal(50, update.GetProperty("after").GetProperty("requestsPerMinute").GetInt32());
    }

    [Fact]
    public async Task UpdateLimit_OntoAnExistingModelAndTier_Returns409AndChangesNothing()
    {
        var model = await InsertModelAsync(hub);
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());
        await CreateRateLimitAsync(admin, RateLimitBody(model.Id, FreeTierId));
        var starter = await CreateRateLimitAsync(admin, RateLimitBody(model.Id, StarterTierId));

        var response = await admin.PutAsJsonAsync($"/api/admin/rate-limits/{starter}", RateLimitBody(model.Id, FreeTierId));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(1, await CountAsync(hub, "SELECT COUNT(*) FROM rate_limits WHERE id = @starter AND tier_id = @StarterTierId",
            new { starter, StarterTierId }));
    }

    [Fact]
    public async Task UpdateOrDeleteLimit_Unknown_Returns404()
    {
        var model = await InsertModelAsync(hub);
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var update = await admin.PutAsJsonAsync($"/api/admin/rate-limits/{Guid.NewGuid()}", RateLimitBody(model.Id, FreeTierId));
        var delete = await admin.DeleteAsync($"/api/admin/rate-limits/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(0, await CountAsync(hub, "SELECT COUNT(*) FROM rate_limits WHERE model_id = @Id", model));
    }

    [Fact]
    public async Task DeleteLimit_Existing_Returns204RemovesRowAndAuditsBefore()
    {
        var model = await InsertModelAsync(hub);
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());
        var id = await CreateRateLimitAsync(admin, RateLimitBody(model.Id, ProTierId, rpm: 3));

        var response = await admin.DeleteAsync($"/api/admin/rate-limits/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, await CountAsync(hub, "SELECT COUNT(*) FROM rate_limits WHERE id = @id", new { id }));
        var delete = (await AuditAsync(admin, "rate_limit", id)).First();
        Assert.Equal("rate_limit.delete", delete.GetProperty("action").GetString());
        Assert.Equal(3, delete.GetProperty("before").GetProperty("requestsPerMinute").GetInt32());
        Assert.Null(Find(await admin.GetFromJsonAsync<JsonElement>("/api/admin/rate-limits"), id));
    }

    [Fact]
    public async Task ListLimits_ModelNotOnOffer_AdminListShowsRowPublicListDoesNot()
    {
        var model = await InsertModelAsync(hub, available: false);
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());
        var id = await CreateRateLimitAsync(admin, RateLimitBody(model.Id, FreeTierId));
        using var anonymous = hub.CreateClient();

        var adminList = await admin.GetFromJsonAsync<JsonElement>("/api/admin/rate-limits");
        var publicList = await PublicLimitsAsync(anonymous);

        Assert.Equal(model.Name, Find(adminList, id)!.Value.GetProperty("modelName").GetString());
        Assert.Null(Find(publicList, id));
    }
}
