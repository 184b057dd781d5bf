using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using MySqlConnector;
using OneAIHub.Tests.Infrastructure;

namespace OneAIHub.Tests.Sync;

/// <summary>
/// The model sync against the LiteLLM stand-in through the admin API, the silos and MariaDB. The hub is shared: each
/// test puts back what it changed on the stand-in, and none assumes the catalog is empty (a sync is idempotent).
/// </summary>
[Collection(HubCollection.Name)]
public sealed class ModelSyncTests(HubFixture hub)
{
    private const string FreeTierId = "00000000-0000-4000-8000-000000000001";
    private const string StarterTierId = "00000000-0000-4000-8000-000000000002";
    private const string ProTierId = "00000000-0000-4000-8000-000000000003";

    [Fact]
    public async Task SyncModels_FixtureModels_ImportsCompaniesModelsPerMillionPricesAndTemplateLimits()
    {
        var status = await SyncDriver.SyncModelsAsync(hub);

        var run = status.GetProperty("lastRun");
        Assert.False(status.GetProperty("running").GetBoolean());
        Assert.True(status.GetProperty("liteLlmConfigured").GetBoolean());
        Assert.Equal("models", run.GetProperty("kind").GetString());
        Assert.Equal("admin", run.GetProperty("trigger").GetString());
        Assert.Equal(JsonValueKind.Null, run.GetProperty("error").ValueKind);
        Assert.True(run.GetProperty("durationMs").GetInt64() >= 0);
        Assert.True(run.GetProperty("created").GetInt32() + run.GetProperty("updated").GetInt32() + run.GetProperty("unchanged").GetInt32() >= 15);

        var gpt4o = await SyncDriver.ModelAsync(hub, "gpt-4o");
        Assert.Equal("GPT-4o", gpt4o.Name);
        Assert.Equal("OpenAI", gpt4o.CompanyName);
        Assert.Equal("chat", gpt4o.Mode);
        Assert.Equal(128000, gpt4o.ContextWindow);
        Assert.Equal(16384, gpt4o.MaxOutputTokens);
        Assert.Equal(2.5m, gpt4o.LiteLLMInputPrice);
        Assert.Equal(10m, gpt4o.LiteLLMOutputPrice);
        Assert.True(gpt4o.IsAvailable);
        Assert.NotNull(gpt4o.LastSyncedAt);
        Assert.Equal(["vision", "function_calling", "streaming", "json_mode"], JsonSerializer.Deserialize<string[]>(gpt4o.Features!)!);

        var sonnet = await SyncDriver.ModelAsync(hub, "claude-3-7-sonnet-20250219");
        Assert.Equal("Claude 3.7 Sonnet (2025-02-19)", sonnet.Name);
        Assert.Equal("Anthropic", sonnet.CompanyName);
        Assert.Contains("reasoning", JsonSerializer.Deserialize<string[]>(sonnet.Features!)!);
        var embedding = await SyncDriver.ModelAsync(hub, "text-embedding-3-small");
        Assert.Equal(["embeddings"], JsonSerializer.Deserialize<string[]>(embedding.Features!)!);
        Assert.Equal(0.02m, embedding.LiteLLMInputPrice);
        var instruct = await SyncDriver.ModelAsync(hub, "gpt-3.5-turbo-instruct");
        Assert.Equal("openai", instruct.ProviderId); // text-completion-openai folds into OpenAI
        Assert.Equal("Sber GigaChat", (await SyncDriver.ModelAsync(hub, "GigaChat-2-Max")).CompanyName);
        Assert.Equal(0.06m, (await SyncDriver.ModelAsync(hub, "mistral-small-latest")).LiteLLMInputPrice);

        await using var db = new MySqlConnection(hub.ConnectionString);
        var companies = (await db.QueryAsync<(string, string, string?, string?)>(
            "SELECT external_id, name, logo_key, website FROM companies")).ToDictionary(c => c.Item1);
        Assert.Equal(("Anthropic", "anthropic", "https://www.anthropic.com"), (companies["anthropic"].Item2, companies["anthropic"].Item3, companies["anthropic"].Item4));
        Assert.Equal("Mistral AI", companies["mistral"].Item2);
        Assert.Equal("Google Gemini", companies["gemini"].Item2);
        Assert.Equal("DeepSeek", companies["deepseek"].Item2);

        var freeLimits = (await db.QueryAsync<(string, int, int, int, int)>("""
            SELECT m.external_id, r.requests_per_minute, r.requests_per_day, r.tokens_per_minute, r.tokens_per_day
              FROM rate_limits r JOIN models m ON m.id = r.model_id WHERE r.tier_id = @FreeTierId
            """, new { FreeTierId })).ToDictionary(r => r.Item1);
        Assert.Equal((5, 100, 10000, 100000), Limits(freeLimits["claude-3-haiku-20240307"]));
        Assert.Equal((5, 100, 10000, 100000), Limits(freeLimits["gpt-3.5-turbo"]));
        Assert.Equal((10, 200, 15000, 150000), Limits(freeLimits["mistral-small-latest"]));
        Assert.DoesNotContain("gpt-4o", freeLimits.Keys);
        Assert.Equal(2, await db.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM rate_limits r JOIN models m ON m.id = r.model_id WHERE m.external_id = 'gpt-4o'"));
        Assert.Equal(0, await db.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM rate_limits r JOIN models m ON m.id = r.model_id WHERE m.external_id = 'gpt-4o-mini'"));
    }

    [Fact]
    public async Task SyncModels_NewUpstreamModel_CreatesDefaultConfigAtLiteLLMPricesAndLongestTemplateLimits()
    {
        var spec = SyncDriver.NewGpt4oSnapshot();
        await SyncDriver.WithUpstreamModelAsync(hub, spec, async () =>
        {
            var run = (await SyncDriver.SyncModelsAsync(hub)).GetProperty("lastRun");

            Assert.True(run.GetProperty("created").GetInt32() >= 1);
            var model = await SyncDriver.ModelAsync(hub, spec.ModelName);
            Assert.Equal((3m, 12m), (model.LiteLLMInputPrice, model.LiteLLMOutputPrice));
            Assert.Equal((3m, 12m), (model.ConfigInputPrice, model.ConfigOutputPrice));
            Assert.Equal((true, false), (model.ConfigEnabled, model.ConfigFree));
            await using var db = new MySqlConnection(hub.ConnectionString);
            var limits = (await db.QueryAsync<(string, int, int)>(
                "SELECT tier_id, requests_per_minute, requests_per_day FROM rate_limits WHERE model_id = @Id", new { model.Id })).ToList();
            Assert.Equal([(StarterTierId, 10, 200), (ProTierId, 30, 1000)], limits.OrderBy(l => l.Item1).ToList());

            using var anonymous = hub.CreateClient();
            var detail = await anonymous.GetFromJsonAsync<JsonElement>($"/api/models/{spec.ModelName}");
            Assert.Equal(3m, detail.GetProperty("inputPricePerMillion").GetDecimal());
            Assert.Equal(["Starter", "Pro", "Enterprise"], detail.GetProperty("tiers").EnumerateArray().Select(t => t.GetString()!).ToArray());
        });
    }

    [Fact]
    public async Task SyncModels_AdminEditedPriceAndLimit_KeepsThemWhileUpdatingBaseInfo()
    {
        var spec = SyncDriver.NewGpt4oSnapshot();
        await SyncDriver.WithUpstreamModelAsync(hub, spec, async () =>
        {
            await SyncDriver.SyncModelsAsync(hub);
            var model = await SyncDriver.ModelAsync(hub, spec.ModelName);
            await using var db = new MySqlConnection(hub.ConnectionString);
            await db.ExecuteAsync("""
                UPDATE model_configs SET input_price_per_million = 7.77, output_price_per_million = 9.99, is_free = TRUE WHERE model_id = @Id;
                UPDATE rate_limits SET requests_per_minute = 1 WHERE model_id = @Id AND tier_id = @StarterTierId;
                DELETE FROM rate_limits WHERE model_id = @Id AND tier_id = @ProTierId;
                """, new { model.Id, StarterTierId, ProTierId });
            hub.LiteLLM.UpdateModel(spec.ModelName, new System.Text.Json.Nodes.JsonObject
            {
                ["input_cost_per_token"] = 0.000004m,
                ["max_input_tokens"] = 200000,
            });

            var run = (await SyncDriver.SyncModelsAsync(hub)).GetProperty("lastRun");

            Assert.True(run.GetProperty("updated").GetInt32() >= 1);
            var after = await SyncDriver.ModelAsync(hub, spec.ModelName);
            Assert.Equal(4m, after.LiteLLMInputPrice);
            Assert.Equal(200000, after.ContextWindow);
            Assert.True(after.LastSyncedAt > model.LastSyncedAt);
            Assert.Equal((7.77m, 9.99m, true), (after.ConfigInputPrice, after.ConfigOutputPrice, after.ConfigFree));
            var limits = (await db.QueryAsync<(string, int)>(
                "SELECT tier_id, requests_per_minute FROM rate_limits WHERE model_id = @Id", new { model.Id })).ToList();
            Assert.Equal([(StarterTierId, 1)], limits);

            using var anonymous = hub.CreateClient();
            var detail = await anonymous.GetFromJsonAsync<JsonElement>($"/api/models/{model.Id}");
            Assert.Equal(7.77m, detail.GetProperty("inputPricePerMillion").GetDecimal());
            Assert.True(detail.GetProperty("isFree").GetBoolean());
        });
    }

    [Fact]
    public async Task SyncModels_ModelRemovedUpstream_MarksItUnavailableAndHidesItFromTheCatalog()
    {
        await SyncDriver.SyncModelsAsync(hub);
        using var anonymous = hub.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/models/mistral-medium-latest")).StatusCode);
        var before = await SyncDriver.ModelAsync(hub, "mistral-medium-latest");

        Assert.True(hub.LiteLLM.RemoveModel("mistral-medium-latest"));
        try
        {
            var run = (await SyncDriver.SyncModelsAsync(hub)).GetProperty("lastRun");

            Assert.Equal(1, run.GetProperty("removed").GetInt32());
            var after = await SyncDriver.ModelAsync(hub, "mistral-medium-latest");
            Assert.False(after.IsAvailable);
            Assert.Equal(before.Id, after.Id);
            Assert.Equal(before.ConfigInputPrice, after.ConfigInputPrice); // not deleted: config stays
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/models/mistral-medium-latest")).StatusCode);
            var list = await anonymous.GetFromJsonAsync<JsonElement>("/api/models?q=mistral&pageSize=100");
            Assert.DoesNotContain("mistral-medium-latest", Items(list).Select(m => m.GetProperty("externalId").GetString()));

            // Nothing more to remove: a second run leaves it alone.
            Assert.Equal(0, (await SyncDriver.SyncModelsAsync(hub)).GetProperty("lastRun").GetProperty("removed").GetInt32());
        }
        finally
        {
            hub.LiteLLM.AddModel(SyncDriver.MistralMedium);
        }

        var back = (await SyncDriver.SyncModelsAsync(hub)).GetProperty("lastRun");
        Assert.True(back.GetProperty("updated").GetInt32() >= 1);
        Assert.True((await SyncDriver.ModelAsync(hub, "mistral-medium-latest")).IsAvailable);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/models/mistral-medium-latest")).StatusCode);
    }

    [Fact]
    public async Task SyncModels_NothingChangedUpstream_WritesNoRow()
    {
        await SyncDriver.SyncModelsAsync(hub);
        await SyncDriver.SyncCompaniesAsync(hub);
        var before = await SyncDriver.CatalogRowsAsync(hub);

        var models = (await SyncDriver.SyncModelsAsync(hub)).GetProperty("lastRun");
        var companies = (await SyncDriver.SyncCompaniesAsync(hub)).GetProperty("lastRun");

        Assert.Equal(before, await SyncDriver.CatalogRowsAsync(hub));
        Assert.Equal((0, 0, 0, 0), (models.GetProperty("created").GetInt32(), models.GetProperty("updated").GetInt32(),
            models.GetProperty("removed").GetInt32(), models.GetProperty("companiesCreated").GetInt32()));
        Assert.True(models.GetProperty("unchanged").GetInt32() >= 15);
        Assert.Equal((0, 0), (companies.GetProperty("created").GetInt32(), companies.GetProperty("updated").GetInt32()));
        Assert.True(companies.GetProperty("unchanged").GetInt32() >= 6);
    }

    [Fact]
    public async Task SyncModels_UnknownProvider_CreatesCompanyWithGenericMetadata()
    {
        var provider = $"lab{Guid.NewGuid():N}"[..11];
        var spec = new LiteLLMStandin.StandinModelSpec($"{provider}-chat", $"{provider}/{provider}-chat", new System.Text.Json.Nodes.JsonObject
        {
            ["litellm_provider"] = provider, ["mode"] = "chat", ["input_cost_per_token"] = 0.000001m, ["output_cost_per_token"] = 0.000002m,
        });
        await SyncDriver.WithUpstreamModelAsync(hub, spec, async () =>
        {
            var run = (await SyncDriver.SyncModelsAsync(hub)).GetProperty("lastRun");

            Assert.Equal(1, run.GetProperty("companiesCreated").GetInt32());
            await using var db = new MySqlConnection(hub.ConnectionString);
            var company = await db.QuerySingleAsync<(string, string, string?, string?)>(
                "SELECT name, description, logo_key, website FROM companies WHERE external_id = @provider", new { provider });
            var titled = char.ToUpperInvariant(provider[0]) + provider[1..];
            Assert.Equal((titled, $"AI models from {titled}, served through LiteLLM.", null, null), company);
            Assert.Equal(titled, (await SyncDriver.ModelAsync(hub, spec.ModelName)).CompanyName);
        });
    }

    [Fact]
    public async Task SyncCompanies_DefaultsAndAdminEdits_FillsDefaultsAndKeepsEdits()
    {
        await SyncDriver.SyncModelsAsync(hub);
        await using var db = new MySqlConnection(hub.ConnectionString);
        var original = await db.QuerySingleAsync<string>("SELECT name FROM companies WHERE external_id = 'openai'");
        await db.ExecuteAsync("""
            UPDATE companies SET name = 'Deepseek', description = 'AI models from Deepseek, served through LiteLLM.', logo_key = NULL, website = NULL
             WHERE external_id = 'deepseek';
            UPDATE companies SET name = 'OpenAI (our account)' WHERE external_id = 'openai';
            """);
        try
        {
            var run = (await SyncDriver.SyncCompaniesAsync(hub)).GetProperty("lastRun");

            Assert.Equal("companies", run.GetProperty("kind").GetString());
            Assert.True(run.GetProperty("updated").GetInt32() >= 1);
            var deepseek = await db.QuerySingleAsync<(string, string, string, string)>(
                "SELECT name, description, logo_key, website FROM companies WHERE external_id = 'deepseek'");
            Assert.Equal(("DeepSeek", "deepseek", "https://www.deepseek.com"), (deepseek.Item1, deepseek.Item3, deepseek.Item4));
            Assert.DoesNotContain("served through LiteLLM", deepseek.Item2, StringComparison.Ordinal);
            Assert.Equal("OpenAI (our account)", await db.QuerySingleAsync<string>("SELECT name FROM companies WHERE external_id = 'openai'"));
        }
        finally
        {
            await db.ExecuteAsync("UPDATE companies SET name = @original WHERE external_id = 'openai'", new { original });
        }
    }

    [Fact]
    public async Task SyncModels_LiteLLMDown_RecordsItsErrorAndChangesNothing()
    {
        await SyncDriver.SyncModelsAsync(hub);
        var before = await SyncDriver.CatalogRowsAsync(hub);
        using var anonymous = hub.CreateClient();
        var catalogBefore = (await anonymous.GetFromJsonAsync<JsonElement>("/api/models?pageSize=100")).GetProperty("total").GetInt32();
        hub.LiteLLM.FailAlways(503, "/model/info", "litellm.ServiceUnavailableError: the stand-in is down for this test");
        hub.LiteLLM.RemoveModel("mistral-medium-latest");
        try
        {
            var status = await SyncDriver.SyncModelsAsync(hub);

            var run = status.GetProperty("lastRun");
            Assert.Equal("litellm.ServiceUnavailableError: the stand-in is down for this test", run.GetProperty("error").GetString());
            Assert.Equal(0, run.GetProperty("removed").GetInt32());
            Assert.NotEqual(JsonValueKind.Null, run.GetProperty("finishedAt").ValueKind);
            Assert.Equal(before, await SyncDriver.CatalogRowsAsync(hub));
            Assert.Equal(catalogBefore, (await anonymous.GetFromJsonAsync<JsonElement>("/api/models?pageSize=100")).GetProperty("total").GetInt32());

            using var admin = hub.CreateClient(await hub.AdminTokenAsync());
            var shown = await admin.GetFromJsonAsync<JsonElement>("/api/admin/sync/status");
            Assert.Equal(run.GetProperty("startedAt").GetString(), shown.GetProperty("lastRun").GetProperty("startedAt").GetString());
            Assert.Equal(run.GetProperty("error").GetString(), shown.GetProperty("lastRun").GetProperty("error").GetString());
        }
        finally
        {
            hub.LiteLLM.ClearFaults();
            hub.LiteLLM.AddModel(SyncDriver.MistralMedium);
        }
    }

    [Fact]
    public async Task SyncModels_TwoConcurrentTriggers_JoinOneRun()
    {
        await SyncDriver.SyncModelsAsync(hub);
        hub.LiteLLM.SetDelay(TimeSpan.FromMilliseconds(1500));
        hub.LiteLLM.ClearReceivedRequests();
        try
        {
            var first = SyncDriver.SyncModelsAsync(hub);
            var second = SyncDriver.SyncModelsAsync(hub);
            var runs = await Task.WhenAll(first, second);

            var startedAt = runs.Select(r => r.GetProperty("lastRun").GetProperty("startedAt").GetString()).Distinct().ToList();
            Assert.Single(startedAt);
            Assert.Single(hub.LiteLLM.RequestsTo("/model/info"));
        }
        finally
        {
            hub.LiteLLM.SetDelay(TimeSpan.Zero);
        }
    }

    [Fact]
    public async Task GetStatus_WhileRunning_ShowsTheRunningRun()
    {
        hub.LiteLLM.SetDelay(TimeSpan.FromMilliseconds(1500));
        try
        {
            var run = SyncDriver.SyncModelsAsync(hub);
            using var admin = hub.CreateClient(await hub.AdminTokenAsync());
            JsonElement status;
            var deadline = DateTime.UtcNow.AddSeconds(10);
            do
            {
                status = await admin.GetFromJsonAsync<JsonElement>("/api/admin/sync/status");
            }
            while (!status.GetProperty("running").GetBoolean() && !run.IsCompleted && DateTime.UtcNow < deadline);

            Assert.True(status.GetProperty("running").GetBoolean());
            Assert.Equal(JsonValueKind.Null, status.GetProperty("lastRun").GetProperty("finishedAt").ValueKind);
            var finished = await run;
            Assert.Equal(status.GetProperty("lastRun").GetProperty("startedAt").GetString(),
                finished.GetProperty("lastRun").GetProperty("startedAt").GetString());
        }
        finally
        {
            hub.LiteLLM.SetDelay(TimeSpan.Zero);
        }
    }

    [Fact]
    public async Task SyncModels_ByAdmin_IsAudited()
    {
        var status = await SyncDriver.SyncModelsAsync(hub);

        await using var db = new MySqlConnection(hub.ConnectionString);
        var entry = await db.QuerySingleAsync<(string, string, string, string)>("""
            SELECT actor_email, entity_type, entity_id, after_json FROM audit_log WHERE action = 'sync.models' ORDER BY id DESC LIMIT 1
            """);
        Assert.Equal((HubFixture.AdminEmail, "sync", "models"), (entry.Item1, entry.Item2, entry.Item3));
        var after = JsonDocument.Parse(entry.Item4).RootElement;
        Assert.Equal(status.GetProperty("lastRun").GetProperty("startedAt").GetDateTime(), after.GetProperty("startedAt").GetDateTime());
        Assert.Equal(status.GetProperty("lastRun").GetProperty("unchanged").GetInt32(), after.GetProperty("unchanged").GetInt32());
    }

    [Theory]
    [InlineData("POST", "/api/admin/sync/models")]
    [InlineData("POST", "/api/admin/sync/companies")]
    [InlineData("GET", "/api/admin/sync/status")]
    public async Task SyncEndpoints_CustomerOrAnonymous_Get403Or401(string method, string path)
    {
        var (token, _) = await Users.RegisterAsync(hub);
        using var customer = hub.CreateClient(token);
        using var anonymous = hub.CreateClient();
        await using var db = new MySqlConnection(hub.ConnectionString);
        var audits = await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'sync.%'");

        var forbidden = await customer.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        var unauthorized = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal(audits, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'sync.%'"));
    }

    [Fact]
    public async Task HealthReady_LiteLLMUpThenFailing_ReportsItHealthyThenDegraded()
    {
        using var client = hub.CreateClient();

        var up = await client.GetFromJsonAsync<JsonElement>("/health/ready");
        Assert.Equal("Healthy", up.GetProperty("checks").GetProperty("litellm").GetProperty("status").GetString());
        Assert.Contains("1.82.1", up.GetProperty("checks").GetProperty("litellm").GetProperty("description").GetString());

        // 401 is not retried nor counted by the client's circuit breaker, so later tests are unaffected.
        hub.LiteLLM.FailAlways(401, "/health/readiness", "stand-in readiness refused");
        try
        {
            var response = await client.GetAsync("/health/ready");
            var down = await response.Content.ReadFromJsonAsync<JsonElement>();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Degraded", down.GetProperty("status").GetString());
            var check = down.GetProperty("checks").GetProperty("litellm");
            Assert.Equal("Degraded", check.GetProperty("status").GetString());
            Assert.Contains("stand-in readiness refused", check.GetProperty("description").GetString());
        }
        finally
        {
            hub.LiteLLM.ClearFaults();
        }
    }

    private static (int, int, int, int) Limits((string, int, int, int, int) row) => (row.Item2, row.Item3, row.Item4, row.Item5);

    private static IEnumerable<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray();
}
