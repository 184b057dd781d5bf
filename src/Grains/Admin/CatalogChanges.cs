using System.Text.Json;
using Dapper;
using MySqlConnector;
using OneAIHub.Grains.Interfaces;
using OneAIHub.Grains.Interfaces.Admin;
using OneAIHub.Grains.Interfaces.Catalog;

namespace OneAIHub.Grains.Admin;

/// <summary>The steps admin catalog edits share: a write a unique key may refuse; after the commit, an audit entry and a catalog refresh.</summary>
internal static class CatalogChanges
{
    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web);

    /// <summary>Commits the edit, records it and has the catalog grain reload, so readers see it within a poll.</summary>
    public static async Task CommitAsync(MySqlTransaction transaction, IGrainFactory grains, AuditChange change)
    {
        await transaction.CommitAsync();
        await grains.GetGrain<IAuditLogGrain>(0).RecordAsync(change);
        await grains.GetGrain<ICatalogGrain>(GrainKeys.Catalog).RefreshAsync();
    }

    /// <summary>Runs a write that a unique key may refuse; false when it did (the caller answers 409).</summary>
    public static async Task<bool> TryWriteUniqueAsync(MySqlConnection connection, MySqlTransaction transaction, string sql, object parameters)
    {
        try
        {
            await connection.ExecuteAsync(sql, parameters, transaction);
            return true;
        }
        catch (MySqlException ex) when (ex.ErrorCode == MySqlErrorCode.DuplicateKeyEntry)
        {
            return false;
        }
    }

    public static AuditChange Audit(Actor actor, string action, string entityType, string entityId, object? before, object? after) =>
        new(actor, action, entityType, entityId, ToJson(before), ToJson(after));

    private static string? ToJson(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), AuditJson);
}
