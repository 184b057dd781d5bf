using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using MySqlConnector;
using OneAIHub.Grains.Interfaces;
using OneAIHub.Grains.Interfaces.Catalog;
using OneAIHub.Tests.Infrastructure;

namespace OneAIHub.Tests.AdminUsers;

/// <summary>
/// A model the LiteLLM stand-in serves (<c>deepseek-chat</c>), put in the hub's catalog with SQL: a price of
/// 0.1 USD per token both ways (so costs are easy to check) and limits for the Free and Starter tiers. Upserted,
/// because a model sync in another test may have created the same model already.
/// </summary>
public static class TestModel
{
    public const string ExternalId = "deepseek-chat";
    public const decimal PricePerMillion = 100_000m;
    public const decimal PricePerToken = PricePerMillion / 1_000_000m;
    public const string FreeTierId = "00000000-0000-4000-8000-000000000001";
    public const string StarterTierId = "00000000-0000-4000-8000-000000000002";
    public const string ProTierId = "00000000-0000-4000-8000-000000000003";

    // Starter: requests limited per minute and day, tokens per day only (per minute: 0 = unlimited).
    public const int StarterRpm = 100;
    public const int StarterRpd = 1000;
    public const int StarterTpd = 5_000_000;

    public static async Task<string> EnsureAsync(HubFixture hub)
    {
        await using var db = new MySqlConnection(hub.ConnectionString);
        await db.ExecuteAsync("""
            INSERT INTO companies (id, name, external_id) VALUES (UUID(), 'DeepSeek', 'deepseek') ON DUPLICATE KEY UPDATE id = id;
            INSERT INTO models (id, company_id, name, external_id, mode, context_window, max_output_tokens, litellm_input_price, litellm_output_price, is_available)
            SELECT UUID(), c.id, 'DeepSeek Chat', @ExternalId, 'chat', 64000, 8192, 0.14, 0.28, TRUE FROM companies c WHERE c.external_id = 'deepseek'
            ON DUPLICATE KEY UPDATE is_available = TRUE;
            """, new { ExternalId });
        var modelId = await db.QuerySingleAsync<string>("SELECT id FROM models WHERE external_id = @ExternalId", new { ExternalId });
        await db.ExecuteAsync("""
            INSERT INTO model_configs (id, model_id, is_free, is_enabled, input_price_per_million, output_price_per_million)
            VALUES (UUID(), @modelId, FALSE, TRUE, @PricePerMillion, @PricePerMillion)
            ON DUPLICATE KEY UPDATE is_free = FALSE, is_enabled = TRUE, input_price_per_million = @PricePerMillion, output_price_per_million = @PricePerMillion;
            INSERT INTO rate_limits (id, model_id, tier_id, requests_per_minute, requests_per_day, tokens_per_minute, tokens_per_day)
            VALUES (UUID(), @modelId, @FreeTierId, 10, 100, 10000, 0), (UUID(), @modelId, @StarterTierId, @StarterRpm, @StarterRpd, 0, @StarterTpd)
            ON DUPLICATE KEY UPDATE requests_per_minute = VALUES(requests_per_minute), requests_per_day = VALUES(requests_per_day),
                tokens_per_minute = VALUES(tokens_per_minute), tokens_per_day = VALUES(tokens_per_day);
            """, new { modelId, PricePerMillion, FreeTierId, StarterTierId, StarterRpm, StarterRpd, StarterTpd });

        if (!await CatalogShowsAsync(hub, modelId))
        {
            await hub.Cluster.Client.GetGrain<ICatalogGrain>(GrainKeys.Catalog).RefreshAsync();
            await Poll.UntilAsync(() => CatalogShowsAsync(hub, modelId), "the catalog to offer the test model");
            await Task.Delay(CatalogCache.PollInterval * 2); // the silos' copies poll at the same pace
        }
        return modelId;
    }

    private static async Task<bool> CatalogShowsAsync(HubFixture hub, string modelId)
    {
        using var client = hub.CreateClient();
        var response = await client.GetAsync($"/api/models/{modelId}");
        if (response.StatusCode != HttpStatusCode.OK) return false;
        var model = await response.Content.ReadFromJsonAsync<JsonElement>();
        return model.GetProperty("inputPricePerMillion").GetDecimal() == PricePerMillion
            && model.GetProperty("limits").EnumerateArray().Any(l =>
                l.GetProperty("tierId").GetString() == StarterTierId && l.GetProperty("tokensPerDay").GetInt32() == StarterTpd
                && l.GetProperty("tokensPerMinute").GetInt32() == 0);
    }
}
