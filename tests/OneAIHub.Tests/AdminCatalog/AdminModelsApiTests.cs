using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OneAIHub.Tests.Infrastructure;
using static OneAIHub.Tests.AdminCatalog.AdminCatalogHarness;

namespace OneAIHub.Tests.AdminCatalog;

[Collection(HubCollection.Name)]
public sealed class AdminModelsApiTests(HubFixture hub)
{
    [Fact]
    public async Task ListModels_ModelsWithoutConfig_ShowsEveryModelWithLiteLlmPricesAndNullConfig()
    {
        var offered = await InsertModelAsync(hub, liteLlmInput: 1.5m, liteLlmOutput: 6m);
        var unavailable = await InsertModelAsync(hub, available: false);
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var model = await AdminModelAsync(admin, offered.Id);
        var gone = await AdminModelAsync(admin, unavailable.Id);

        Assert.Equal(JsonValueKind.Null, model.GetProperty("config").ValueKind);
        Assert.Equal(offered.ExternalId, model.GetProperty("externalId").GetString());
        Assert.Equal(1.5m, model.GetProperty("inputPricePerMillion").GetDecimal());
        Assert.Equal(1.5m, model.GetProperty("liteLlmInputPricePerMillion").GetDecimal());
        Assert.Equal(6m, model.GetProperty("liteLlmOutputPricePerMillion").GetDecimal());
        Assert.True(model.GetProperty("isAvailable").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, model.GetProperty("lastSyncedAt").ValueKind);
        Assert.StartsWith("Test Co", model.GetProperty("companyName").GetString());
        Assert.False(gone.GetProperty("isAvailable").GetBoolean());
    }

    [Fact]
    public async Task CreateConfig_ValidInput_Returns200WithConfigAndWritesRowAndAudit()
    {
        var seeded = await InsertModelAsync(hub);
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var response = await admin.PostAsJsonAsync("/api/admin/model-configs", new
        {
            modelId = seeded.Id, isEnabled = true, isFree = false, inputPricePerMillion = 2.25m, outputPricePerMillion = 9.5m,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var model = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2.25m, model.GetProperty("config").GetProperty("inputPricePerMillion").GetDecimal());
        Assert.Equal(9.5m, model.GetProperty("outputPricePerMillion").GetDecimal());
        Assert.Equal(1.5m, model.GetProperty("liteLlmInputPricePerMillion").GetDecimal());
        Assert.Equal(1, await CountAsync(hub,
            "SELECT COUNT(*) FROM model_configs WHERE model_id = @Id AND input_price_per_million = 2.25 AND output_price_per_million = 9.5", seeded));

        var entry = Assert.Single(await AuditAsync(admin, "model_config", seeded.Id));
        Assert.Equal("model_config.create", entry.GetProperty("action").GetString());
        Assert.Equal(HubFixture.AdminEmail, entry.GetProperty("actorEmail").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("before").ValueKind);
        Assert.Equal(2.25m, entry.GetProperty("after").GetProperty("inputPricePerMillion").GetDecimal());
    }

    [Fact]
    public async Task CreateConfig_ModelAlreadyHasConfig_Returns409AndKeepsTheFirst()
    {
        var seeded = await InsertModelAsync(hub);
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());
        var body = new { modelId = seeded.Id, inputPricePerMillion = 1m, outputPricePerMillion = 1m };
        (await admin.PostAsJsonAsync("/api/admin/model-configs", body)).EnsureSuccessStatusCode();

        var again = await admin.PostAsJsonAsync("/api/admin/model-configs", body with { inputPricePerMillion = 5m });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await CountAsync(hub, "SELECT COUNT(*) FROM model_configs WHERE model_id = @Id AND input_price_per_million = 1", seeded));
        Assert.Single(await AuditAsync(admin, "model_config", seeded.Id));
    }

    [Fact]
    public async Task CreateConfig_UnknownModel_Returns404()
    {
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());
        var modelId = Guid.NewGuid().ToString();

        var response = await admin.PostAsJsonAsync("/api/admin/model-configs", new { modelId, inputPricePerMillion = 1m, outputPricePerMillion = 1m });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await CountAsync(hub, "SELECT COUNT(*) FROM model_configs WHERE model_id = @modelId", new { modelId }));
    }

    [Theory]
    [InlineData("""{"inputPricePerMillion":-1,"outputPricePerMillion":1}""", "inputPricePerMillion", "Input price per million must be between 0 and 1,000,000.")]
    [InlineData("""{"inputPricePerMillion":1,"outputPricePerMillion":1000000.01}""", "outputPricePerMillion", "Output price per million must be between 0 and 1,000,000.")]
    [InlineData("""{"outputPricePerMillion":1}""", "inputPricePerMillion", "Input price per million is required.")]
    [InlineData("""{"inputPricePerMillion":0.000000001,"outputPricePerMillion":1}""", "inputPricePerMillion", "Input price per million may have at most 8 decimal places.")]
    [InlineData("""{"modelId":"","inputPricePerMillion":1,"outputPricePerMillion":1}""", "modelId", "Model is required.")]
    public async Task CreateConfig_BadInput_Returns400WithFieldErrorAndWritesNothing(string json, string field, string message)
    {
        var seeded = await InsertModelAsync(hub);
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());
        var body = json.Contains("\"modelId\"") ? json : json.Insert(1, $"\"modelId\":\"{seeded.Id}\",");

        var response = await admin.PostAsync("/api/admin/model-configs", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await FieldErrorsAsync(response, field));
        Assert.Equal(0, await CountAsync(hub, "SELECT COUNT(*) FROM model_configs WHERE model_id = @Id", seeded));
        Assert.Empty(await AuditAsync(admin, "model_config", seeded.Id));
    }

    [Fact]
    public async Task UpdateConfig_NewPrice_ReachesPublicCatalogWithinASecondAndIsAudited()
    {
        var seeded = await InsertModelAsync(hub);
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());
        await CreateRateLimitAsync(admin, RateLimitBody(seeded.Id, FreeTierId));
        (await admin.PostAsJsonAsync("/api/admin/model-configs", new { modelId = seeded.Id, inputPricePerMillion = 1m, outputPricePerMillion = 2m }))
            .EnsureSuccessStatusCode();
        using var anonymous = hub.CreateClient();

        var response = await admin.PutAsJsonAsync($"/api/admin/model-configs/{seeded.Id}",
            new { isEnabled = true, isFree = false, inputPricePerMillion = 7.25m, outputPricePerMillion = 8.5m });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var published = await EventuallyAsync(
            () => anonymous.GetFromJsonAsync<JsonElement>($"/api/models/{seeded.Id}"),
            m => m.GetProperty("inputPricePerMillion").GetDecimal() == 7.25m);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(7.25m, published.GetProperty("inputPricePerMillion").GetDecimal());
        Assert.Equal(8.5m, published.GetProperty("outputPricePerMillion").GetDecimal());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"The public catalog took {clock.Elapsed}.");
        var update = (await AuditAsync(admin, "model_config", seeded.Id)).First();
        Assert.Equal("model_config.update", update.GetProperty("action").GetString());
        Assert.Equal(1m, update.GetProperty("before").GetProperty("inputPricePerMillion").GetDecimal());
        Assert.Equal(7.25m, update.GetProperty("after").GetProperty("inputPricePerMillion").GetDecimal());
    }

    [Fact]
    public async Task UpdateConfig_ModelWithoutConfig_CreatesItAndAuditsACreate()
    {
        var seeded = await InsertModelAsync(hub);
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var response = await admin.PutAsJsonAsync($"/api/admin/model-configs/{seeded.Id}",
            new { isEnabled = false, isFree = true, inputPricePerMillion = 0m, outputPricePerMillion = 0m });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var model = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(model.GetProperty("config").GetProperty("isEnabled").GetBoolean());
        Assert.True(model.GetProperty("isFree").GetBoolean());
        Assert.Equal(1, await CountAsync(hub, "SELECT COUNT(*) FROM model_configs WHERE model_id = @Id AND is_enabled = FALSE AND is_free = TRUE", seeded));
        Assert.Equal("model_config.create", Assert.Single(await AuditAsync(admin, "model_config", seeded.Id)).GetProperty("action").GetString());
    }

    [Fact]
    public async Task UpdateConfig_Disabled_ModelLeavesPublicCatalogButStaysInAdminList()
    {
        var seeded = await InsertModelAsync(hub);
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());
        await CreateRateLimitAsync(admin, RateLimitBody(seeded.Id, FreeTierId));
        using var anonymous = hub.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/models/{seeded.Id}")).StatusCode);

        (await admin.PutAsJsonAsync($"/api/admin/model-configs/{seeded.Id}",
            new { isEnabled = false, inputPricePerMillion = 1m, outputPricePerMillion = 1m })).EnsureSuccessStatusCode();

        var status = await EventuallyAsync(async () => (await anonymous.GetAsync($"/api/models/{seeded.Id}")).StatusCode,
            s => s == HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.False((await AdminModelAsync(admin, seeded.Id)).GetProperty("config").GetProperty("isEnabled").GetBoolean());
    }

    [Fact]
    public async Task DeleteConfig_Existing_Returns204AndLiteLlmPricesApplyAgain()
    {
        var seeded = await InsertModelAsync(hub, liteLlmInput: 3m, liteLlmOutput: 4m);
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());
        (await admin.PostAsJsonAsync("/api/admin/model-configs", new { modelId = seeded.Id, inputPricePerMillion = 30m, outputPricePerMillion = 40m }))
            .EnsureSuccessStatusCode();

        var response = await admin.DeleteAsync($"/api/admin/model-configs/{seeded.Id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, await CountAsync(hub, "SELECT COUNT(*) FROM model_configs WHERE model_id = @Id", seeded));
        var model = await AdminModelAsync(admin, seeded.Id);
        Assert.Equal(JsonValueKind.Null, model.GetProperty("config").ValueKind);
        Assert.Equal(3m, model.GetProperty("inputPricePerMillion").GetDecimal());
        var delete = (await AuditAsync(admin, "model_config", seeded.Id)).First();
        Assert.Equal("model_config.delete", delete.GetProperty("action").GetString());
        Assert.Equal(30m, delete.GetProperty("before").GetProperty("inputPricePerMillion").GetDecimal());
        Assert.Equal(JsonValueKind.Null, delete.GetProperty("after").ValueKind);
    }

    [Fact]
    public async Task DeleteConfig_ModelWithoutConfigOrUnknown_Returns404()
    {
        var seeded = await InsertModelAsync(hub);
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var noConfig = await admin.DeleteAsync($"/api/admin/model-configs/{seeded.Id}");
        var unknown = await admin.DeleteAsync($"/api/admin/model-configs/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, noConfig.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Empty(await AuditAsync(admin, "model_config", seeded.Id));
    }
}
