using System.Text.Json;
using MySqlConnector;
using OneAIHub.Grains.Interfaces;
using OneAIHub.Grains.Interfaces.Admin;
using OneAIHub.Grains.Interfaces.Catalog;

namespace OneAIHub.Grains.Admin;

/// <summary>What every committed admin catalog edit does next: leave an audit entry and republish the catalog.</summary>
internal static class CatalogChanges
{
    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web);

    public static async Task PublishAsync(IGrainFactory grains, AuditChange change)
    {
        await grains.GetGrain<IAuditLogGrain>(0).RecordAsync(change);
        await grains.GetGrain<ICatalogGrain>(GrainKeys.Catalog).RefreshAsync();
    }

    public static AuditChange Audit(Actor actor, string action, string entityType, string entityId, object? before, object? after) =>
        new(actor, action, entityType, entityId, ToJson(before), ToJson(after));

    public static bool IsDuplicateKey(MySqlException ex) => ex.ErrorCode == MySqlErrorCode.DuplicateKeyEntry;

    private static string? ToJson(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), AuditJson);
}
