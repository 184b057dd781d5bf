using Dapper;
using MySqlConnector;
using OneAIHub.Grains.Interfaces.Admin;
using OneAIHub.Grains.Interfaces.Catalog;
using Orleans.Concurrency;

namespace OneAIHub.Grains.Admin;

[StatelessWorker]
[GrainType("rate-limit-admin")]
public sealed class RateLimitAdminGrain(MySqlDataSource dataSource, TimeProvider time) : Grain, IRateLimitAdminGrain
{
    private const string EntityType = "rate_limit";

    public async Task<CatalogEdit<CatalogRateLimit>> CreateAsync(Actor actor, RateLimitValues values)
    {
        var limit = ToLimit(Guid.NewGuid().ToString(), values);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (await CheckReferencesAsync(connection, transaction, values) is { } invalid) return invalid;
        if (!await CatalogChanges.TryWriteUniqueAsync(connection, transaction, """
                INSERT INTO rate_limits (id, model_id, tier_id, requests_per_minute, requests_per_day, tokens_per_minute, tokens_per_day, created_at, updated_at)
                VALUES (@Id, @ModelId, @TierId, @RequestsPerMinute, @RequestsPerDay, @TokensPerMinute, @TokensPerDay, @now, @now)
                """, Parameters(limit)))
            return Duplicate();
        await CatalogChanges.CommitAsync(transaction, GrainFactory, CatalogChanges.Audit(actor, "rate_limit.create", EntityType, limit.Id, null, limit));
        return CatalogEdit<CatalogRateLimit>.Done(limit);
    }

    public async Task<CatalogEdit<CatalogRateLimit>> UpdateAsync(Actor actor, string rateLimitId, RateLimitValues values)
    {
        var limit = ToLimit(rateLimitId, values);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (await LockAsync(connection, transaction, rateLimitId) is not { } before) return UnknownLimit(rateLimitId);
        if (await CheckReferencesAsync(connection, transaction, values) is { } invalid) return invalid;
        if (!await CatalogChanges.TryWriteUniqueAsync(connection, transaction, """
                UPDATE rate_limits SET model_id = @ModelId, tier_id = @TierId, requests_per_minute = @RequestsPerMinute,
                       requests_per_day = @RequestsPerDay, tokens_per_minute = @TokensPerMinute, tokens_per_day = @TokensPerDay, updated_at = @now
                 WHERE id = @Id
                """, Parameters(limit)))
            return Duplicate();
        await CatalogChanges.CommitAsync(transaction, GrainFactory, CatalogChanges.Audit(actor, "rate_limit.update", EntityType, rateLimitId, before, limit));
        return CatalogEdit<CatalogRateLimit>.Done(limit);
    }

    public async Task<CatalogEdit<CatalogRateLimit>> DeleteAsync(Actor actor, string rateLimitId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (await LockAsync(connection, transaction, rateLimitId) is not { } before) return UnknownLimit(rateLimitId);
        await connection.ExecuteAsync("DELETE FROM rate_limits WHERE id = @rateLimitId", new { rateLimitId }, transaction);
        await CatalogChanges.CommitAsync(transaction, GrainFactory, CatalogChanges.Audit(actor, "rate_limit.delete", EntityType, rateLimitId, before, null));
        return CatalogEdit<CatalogRateLimit>.Done(before);
    }

    /// <summary>Null when model and tier exist; their rows stay share-locked so neither vanishes before the write.</summary>
    private static async Task<CatalogEdit<CatalogRateLimit>?> CheckReferencesAsync(
        MySqlConnection connection, MySqlTransaction transaction, RateLimitValues values)
    {
        var model = await connection.ExecuteScalarAsync<string?>(
            "SELECT id FROM models WHERE id = @ModelId LOCK IN SHARE MODE", new { values.ModelId }, transaction);
        if (model is null) return CatalogEdit<CatalogRateLimit>.InvalidReference("modelId", $"No model '{values.ModelId}'.");
        var tier = await connection.ExecuteScalarAsync<string?>(
            "SELECT id FROM tiers WHERE id = @TierId LOCK IN SHARE MODE", new { values.TierId }, transaction);
        return tier is null ? CatalogEdit<CatalogRateLimit>.InvalidReference("tierId", $"No tier '{values.TierId}'.") : null;
    }

    // Dapper fills the record through its constructor; the aliases match its parameter names.
    private static Task<CatalogRateLimit?> LockAsync(MySqlConnection connection, MySqlTransaction transaction, string rateLimitId) =>
        connection.QuerySingleOrDefaultAsync<CatalogRateLimit>("""
            SELECT id AS Id, model_id AS ModelId, tier_id AS TierId, requests_per_minute AS RequestsPerMinute,
                   requests_per_day AS RequestsPerDay, tokens_per_minute AS TokensPerMinute, tokens_per_day AS TokensPerDay
              FROM rate_limits WHERE id = @rateLimitId FOR UPDATE
            """, new { rateLimitId }, transaction);

    private static CatalogRateLimit ToLimit(string id, RateLimitValues v) =>
        new(id, v.ModelId, v.TierId, v.RequestsPerMinute, v.RequestsPerDay, v.TokensPerMinute, v.TokensPerDay);

    private object Parameters(CatalogRateLimit l) => new
    {
        l.Id, l.ModelId, l.TierId, l.RequestsPerMinute, l.RequestsPerDay, l.TokensPerMinute, l.TokensPerDay,
        now = time.GetUtcNow().UtcDateTime,
    };

    private static CatalogEdit<CatalogRateLimit> UnknownLimit(string id) => CatalogEdit<CatalogRateLimit>.NotFound($"No rate limit '{id}'.");

    private static CatalogEdit<CatalogRateLimit> Duplicate() => CatalogEdit<CatalogRateLimit>.Conflict(
        "This tier already has limits on this model; edit that row instead.");
}
