using Dapper;
using MySqlConnector;
using OneAIHub.Grains.Interfaces.Admin;
using OneAIHub.Grains.Interfaces.Catalog;
using Orleans.Concurrency;

namespace OneAIHub.Grains.Admin;

[StatelessWorker]
[GrainType("tier-admin")]
public sealed class TierAdminGrain(MySqlDataSource dataSource, TimeProvider time) : Grain, ITierAdminGrain
{
    private const string EntityType = "tier";

    public async Task<CatalogEdit<CatalogTier>> CreateAsync(Actor actor, TierValues values)
    {
        var tier = ToTier(Guid.NewGuid().ToString(), values);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (!await CatalogChanges.TryWriteUniqueAsync(connection, transaction, """
                INSERT INTO tiers (id, name, description, is_free, price, sort_order, upgrade_threshold, created_at, updated_at)
                VALUES (@Id, @Name, @Description, @IsFree, @Price, @SortOrder, @UpgradeThreshold, @now, @now)
                """, Parameters(tier)))
            return NameTaken(values.Name);
        await CatalogChanges.CommitAsync(transaction, GrainFactory, CatalogChanges.Audit(actor, "tier.create", EntityType, tier.Id, null, tier));
        return CatalogEdit<CatalogTier>.Done(tier);
    }

    public async Task<CatalogEdit<CatalogTier>> UpdateAsync(Actor actor, string tierId, TierValues values)
    {
        var tier = ToTier(tierId, values);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (await LockAsync(connection, transaction, tierId) is not { } before) return UnknownTier(tierId);
        if (!await CatalogChanges.TryWriteUniqueAsync(connection, transaction, """
                UPDATE tiers SET name = @Name, description = @Description, is_free = @IsFree, price = @Price, sort_order = @SortOrder,
                       upgrade_threshold = @UpgradeThreshold, updated_at = @now
                 WHERE id = @Id
                """, Parameters(tier)))
            return NameTaken(values.Name);
        await CatalogChanges.CommitAsync(transaction, GrainFactory, CatalogChanges.Audit(actor, "tier.update", EntityType, tierId, before, tier));
        return CatalogEdit<CatalogTier>.Done(tier);
    }

    public async Task<CatalogEdit<CatalogTier>> DeleteAsync(Actor actor, string tierId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (await LockAsync(connection, transaction, tierId) is not { } before) return UnknownTier(tierId);
        var users = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE tier_id = @tierId", new { tierId }, transaction);
        if (users > 0) return UsersOnTier(before.Name, users);
        try
        {
            await connection.ExecuteAsync("DELETE FROM tiers WHERE id = @tierId", new { tierId }, transaction);
        }
        catch (MySqlException ex) when (ex.ErrorCode == MySqlErrorCode.RowIsReferenced2)
        {
            return UsersOnTier(before.Name, 1);
        }
        await CatalogChanges.CommitAsync(transaction, GrainFactory, CatalogChanges.Audit(actor, "tier.delete", EntityType, tierId, before, null));
        return CatalogEdit<CatalogTier>.Done(before);
    }

    // Dapper fills the record through its constructor; the aliases match its parameter names.
    private static Task<CatalogTier?> LockAsync(MySqlConnection connection, MySqlTransaction transaction, string tierId) =>
        connection.QuerySingleOrDefaultAsync<CatalogTier>("""
            SELECT id AS Id, name AS Name, description AS Description, is_free AS IsFree, price AS Price, sort_order AS SortOrder,
                   upgrade_threshold AS UpgradeThreshold
              FROM tiers WHERE id = @tierId FOR UPDATE
            """, new { tierId }, transaction);

    private static CatalogTier ToTier(string id, TierValues v) =>
        new(id, v.Name, v.Description, v.IsFree, v.Price, v.SortOrder, v.UpgradeThreshold);

    private object Parameters(CatalogTier tier) => new
    {
        tier.Id, tier.Name, tier.Description, tier.IsFree, tier.Price, tier.SortOrder, tier.UpgradeThreshold, now = time.GetUtcNow().UtcDateTime,
    };

    private static CatalogEdit<CatalogTier> UnknownTier(string tierId) => CatalogEdit<CatalogTier>.NotFound($"No tier '{tierId}'.");

    private static CatalogEdit<CatalogTier> NameTaken(string name) => CatalogEdit<CatalogTier>.Conflict($"A tier named '{name}' already exists.");

    private static CatalogEdit<CatalogTier> UsersOnTier(string name, long users) => CatalogEdit<CatalogTier>.Conflict(
        $"The tier '{name}' still has {users} user{(users == 1 ? "" : "s")} on it. Move them to another tier first, then delete it.");
}
