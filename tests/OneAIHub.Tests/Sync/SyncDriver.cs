using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using MySqlConnector;
using OneAIHub.Tests.Infrastructure;
using OneAIHub.Tests.LiteLLMStandin;

namespace OneAIHub.Tests.Sync;

/// <summary>Drives syncs through the admin API and reads what they wrote, for the sync and catalog tests.</summary>
public static class SyncDriver
{
    /// <summary>A deployment of the stand-in's fixture, to put back after a test removed it.</summary>
    public static readonly StandinModelSpec MistralMedium = new("mistral-medium-latest", "mistral/mistral-medium-latest", ApiBase: "https://api.mistral.ai/v1");

    public static async Task<JsonElement> SyncModelsAsync(HubFixture hub) => await PostAsync(hub, "/api/admin/sync/models");

    public static async Task<JsonElement> SyncCompaniesAsync(HubFixture hub) => await PostAsync(hub, "/api/admin/sync/companies");

    public static async Task<JsonElement> PostAsync(HubFixture hub, string path)
    {
        using var client = hub.CreateClient(await hub.AdminTokenAsync());
        var response = await client.PostAsync(path, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Runs <paramref name="test"/> with <paramref name="spec"/> served by the stand-in, then removes it and syncs, so the model ends unavailable.</summary>
    public static async Task WithUpstreamModelAsync(HubFixture hub, StandinModelSpec spec, Func<Task> test)
    {
        hub.LiteLLM.AddModel(spec);
        try
        {
            await test();
        }
        finally
        {
            hub.LiteLLM.RemoveModel(spec.ModelName);
            await SyncModelsAsync(hub);
        }
    }

    /// <summary>Every catalog row with the columns a write would move, to prove a run wrote nothing.</summary>
    public static async Task<List<string>> CatalogRowsAsync(HubFixture hub)
    {
        await using var db = new MySqlConnection(hub.ConnectionString);
        var rows = await db.QueryAsync<string>("""
            SELECT CONCAT('company ', id, ' ', updated_at, ' ', name, ' ', COALESCE(description, ''), ' ', COALESCE(logo_key, ''), ' ', COALESCE(website, '')) FROM companies
            UNION ALL SELECT CONCAT('model ', id, ' ', updated_at, ' ', COALESCE(last_synced_at, ''), ' ', is_available) FROM models
            UNION ALL SELECT CONCAT('config ', id, ' ', updated_at, ' ', input_price_per_million, ' ', output_price_per_million) FROM model_configs
            UNION ALL SELECT CONCAT('limit ', id, ' ', updated_at) FROM rate_limits
            """);
        return rows.Order(StringComparer.Ordinal).ToList();
    }

    public static async Task<ModelRow> ModelAsync(HubFixture hub, string externalId)
    {
        await using var db = new MySqlConnection(hub.ConnectionString);
        return await db.QuerySingleAsync<ModelRow>("""
            SELECT m.id AS Id, m.name AS Name, c.name AS CompanyName, c.external_id AS ProviderId, m.mode AS Mode,
                   m.context_window AS ContextWindow, m.max_output_tokens AS MaxOutputTokens, m.features AS Features,
                   m.litellm_input_price AS LiteLLMInputPrice, m.litellm_output_price AS LiteLLMOutputPrice,
                   m.is_available AS IsAvailable, m.last_synced_at AS LastSyncedAt,
                   mc.input_price_per_million AS ConfigInputPrice, mc.output_price_per_million AS ConfigOutputPrice,
                   mc.is_enabled AS ConfigEnabled, mc.is_free AS ConfigFree
              FROM models m JOIN companies c ON c.id = m.company_id LEFT JOIN model_configs mc ON mc.model_id = m.id
             WHERE m.external_id = @externalId
            """, new { externalId });
    }

    /// <summary>A deployment of a model the fixture does not have; its group name is unique to the calling test.</summary>
    public static StandinModelSpec NewGpt4oSnapshot(decimal inputPerToken = 0.000003m, decimal outputPerToken = 0.000012m)
    {
        var name = $"gpt-4o-2024-test-{Guid.NewGuid():N}"[..29];
        return new StandinModelSpec(name, $"openai/{name}", new JsonObject
        {
            ["input_cost_per_token"] = inputPerToken,
            ["output_cost_per_token"] = outputPerToken,
            ["litellm_provider"] = "openai",
            ["max_input_tokens"] = 128000,
            ["max_output_tokens"] = 16384,
            ["max_tokens"] = 16384,
            ["mode"] = "chat",
            ["supports_vision"] = true,
            ["supports_function_calling"] = true,
            ["supports_response_schema"] = true,
        });
    }

    public sealed record ModelRow
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string CompanyName { get; init; } = "";
        public string ProviderId { get; init; } = "";
        public string? Mode { get; init; }
        public int? ContextWindow { get; init; }
        public int? MaxOutputTokens { get; init; }
        public string? Features { get; init; }
        public decimal? LiteLLMInputPrice { get; init; }
        public decimal? LiteLLMOutputPrice { get; init; }
        public bool IsAvailable { get; init; }
        public DateTime? LastSyncedAt { get; init; }
        public decimal? ConfigInputPrice { get; init; }
        public decimal? ConfigOutputPrice { get; init; }
        public bool? ConfigEnabled { get; init; }
        public bool? ConfigFree { get; init; }
    }
}
