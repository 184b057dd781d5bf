using System.Text.Json;
using Dapper;
using MySqlConnector;
using OneAIHub.Grains.Interfaces.Catalog;

namespace OneAIHub.Grains.Catalog;

/// <summary>Reads the whole catalog from MySQL in one round of queries.</summary>
public sealed class CatalogRepository(MySqlDataSource dataSource)
{
    public async Task<CatalogSnapshot> LoadAsync(long version, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        using var grid = await connection.QueryMultipleAsync(new CommandDefinition("""
            SELECT id, external_id, name, description, logo_key, website FROM companies ORDER BY name;
            SELECT m.id, m.external_id, m.name, m.company_id, m.description, m.mode, m.context_window,
                   m.max_output_tokens, m.features, m.is_available,
                   COALESCE(c.is_enabled, TRUE) AS is_enabled, COALESCE(c.is_free, FALSE) AS is_free,
                   COALESCE(c.input_price_per_million, m.litellm_input_price, 0) AS input_price,
                   COALESCE(c.output_price_per_million, m.litellm_output_price, 0) AS output_price,
                   m.litellm_input_price, m.litellm_output_price, m.last_synced_at, c.id IS NOT NULL AS has_config
              FROM models m LEFT JOIN model_configs c ON c.model_id = m.id ORDER BY m.name;
            SELECT id, name, description, is_free, price, sort_order, upgrade_threshold FROM tiers ORDER BY sort_order, name;
            SELECT id, model_id, tier_id, requests_per_minute, requests_per_day, tokens_per_minute, tokens_per_day FROM rate_limits;
            """, cancellationToken: cancellationToken));

        var companies = (await grid.ReadAsync<CompanyRow>()).Select(r => new CatalogCompany(
            r.id, r.external_id, r.name, r.description, r.logo_key, r.website)).ToList();
        var models = (await grid.ReadAsync<ModelRow>()).Select(r => new CatalogModel(
            r.id, r.external_id, r.name, r.company_id, r.description, r.mode, r.context_window, r.max_output_tokens,
            ParseFeatures(r.features), r.is_available, r.is_enabled, r.is_free, r.input_price, r.output_price,
            r.litellm_input_price, r.litellm_output_price, AsUtc(r.last_synced_at), r.has_config)).ToList();
        var tiers = (await grid.ReadAsync<TierRow>()).Select(r => new CatalogTier(
            r.id, r.name, r.description, r.is_free, r.price, r.sort_order, r.upgrade_threshold)).ToList();
        var limits = (await grid.ReadAsync<RateLimitRow>()).Select(r => new CatalogRateLimit(
            r.id, r.model_id, r.tier_id, r.requests_per_minute, r.requests_per_day, r.tokens_per_minute, r.tokens_per_day)).ToList();
        return new CatalogSnapshot(version, companies, models, tiers, limits);
    }

    private static IReadOnlyList<string> ParseFeatures(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];

    private static DateTime? AsUtc(DateTime? value) => value is null ? null : DateTime.SpecifyKind(value.Value, DateTimeKind.Utc);

#pragma warning disable IDE1006 // Dapper maps the snake_case columns by name.
    private sealed record ModelRow
{
    public string id { get; init; } = "";
    public string external_id { get; init; } = "";
    public string name { get; init; } = "";
    public string company_id { get; init; } = "";
    public string? description { get; init; }
    public string? mode { get; init; }
    public int? context_window { get; init; }
    public int? max_output_tokens { get; init; }
    public string? features { get; init; }
    public bool is_available { get; init; }
    public bool is_enabled { get; init; }
    public bool is_free { get; init; }
    public decimal input_price { get; init; }
    public decimal output_price { get; init; }
    public decimal? litellm_input_price { get; init; }
    public decimal? litellm_output_price { get; init; }
    public DateTime? last_synced_at { get; init; }
    public bool has_config { get; init; }
}

    private sealed record TierRow
{
    public string id { get; init; } = "";
    public string name { get; init; } = "";
    public string? description { get; init; }
    public bool is_free { get; init; }
    public decimal price { get; init; }
    public int sort_order { get; init; }
    public decimal? upgrade_threshold { get; init; }
}

    private sealed record RateLimitRow
{
    public string id { get; init; } = "";
    public string model_id { get; init; } = "";
    public string tier_id { get; init; } = "";
    public int requests_per_minute { get; init; }
    public int requests_per_day { get; init; }
    public int tokens_per_minute { get; init; }
    public int tokens_per_day { get; init; }
}
#pragma warning restore IDE1006
}
