using Dapper;
using MySqlConnector;
using OneAIHub.Grains.Interfaces;
using OneAIHub.Grains.Interfaces.Catalog;
using OneAIHub.Tests.LiteLLMStandin;

namespace OneAIHub.Tests.Infrastructure;

/// <summary>Limits of one tier on a test model.</summary>
public sealed record TierLimits(string TierId, int Rpm, int Rpd, int Tpm, int Tpd);

/// <summary>
/// Puts a model of its own into the stand-in and the hub's catalog for one test, so tests that
/// change prices or limits never disturb each other. Rows are written as the sync would write them.
/// </summary>
public static class TestCatalog
{
    public const string FreeTier = "00000000-0000-4000-8000-000000000001";
    public const string StarterTier = "00000000-0000-4000-8000-000000000002";
    public const string ProTier = "00000000-0000-4000-8000-000000000003";

    public static Task<string> AddModelAsync(HubFixture hub, decimal inputPricePerMillion, decimal outputPricePerMillion,
        params TierLimits[] limits) => AddModelAsync(hub, "openai/gpt-4o", inputPricePerMillion, outputPricePerMillion, limits);

    /// <summary>A test model backed by the stand-in's deployment of <paramref name="litellmModel"/>.</summary>
    public static async Task<string> AddModelAsync(HubFixture hub, string litellmModel, decimal inputPricePerMillion,
        decimal outputPricePerMillion, params TierLimits[] limits)
    {
        var externalId = $"test-{Guid.NewGuid():N}"[..21];
        hub.LiteLLM.AddModel(new StandinModelSpec(externalId, litellmModel));
        var modelId = Guid.NewGuid().ToString();
        await using (var db = new MySqlConnection(hub.ConnectionString))
        {
            await db.ExecuteAsync("""
                INSERT INTO companies (id, name, external_id, description) VALUES ('test-company', 'Test Labs', 'test-provider', 'Models made for tests')
                  ON DUPLICATE KEY UPDATE name = name;
                INSERT INTO models (id, company_id, name, external_id, mode, context_window, max_output_tokens, features,
                                    litellm_input_price, litellm_output_price, is_available, last_synced_at)
                VALUES (@modelId, (SELECT id FROM companies WHERE external_id = 'test-provider'), @externalId, @externalId, 'chat',
                        128000, 4096, '["function_calling","streaming"]', @input, @output, TRUE, UTC_TIMESTAMP(6));
                INSERT INTO model_configs (id, model_id, is_free, is_enabled, input_price_per_million, output_price_per_million)
                VALUES (UUID(), @modelId, FALSE, TRUE, @input, @output);
                """, new { modelId, externalId, input = inputPricePerMillion, output = outputPricePerMillion });
            foreach (var l in limits)
                await db.ExecuteAsync("""
                    INSERT INTO rate_limits (id, model_id, tier_id, requests_per_minute, requests_per_day, tokens_per_minute, tokens_per_day)
                    VALUES (UUID(), @modelId, @TierId, @Rpm, @Rpd, @Tpm, @Tpd)
                    """, new { modelId, l.TierId, l.Rpm, l.Rpd, l.Tpm, l.Tpd });
        }
        await RefreshAsync(hub);
        return externalId;
    }

    /// <summary>Reloads the catalog grain and waits until both processes' caches have the new version.</summary>
    public static async Task RefreshAsync(HubFixture hub)
    {
        await hub.Cluster.Client.GetGrain<ICatalogGrain>(GrainKeys.Catalog).RefreshAsync();
        await Task.Delay(CatalogCache.PollInterval * 2.5);
    }
}
