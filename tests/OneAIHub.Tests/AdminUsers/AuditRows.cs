using System.Text.Json;
using Dapper;
using MySqlConnector;
using OneAIHub.Tests.Infrastructure;

namespace OneAIHub.Tests.AdminUsers;

public sealed record AuditRow(string Action, string EntityType, string? EntityId, string? ActorEmail, string? BeforeJson, string? AfterJson)
{
    public JsonElement Before => JsonSerializer.Deserialize<JsonElement>(BeforeJson!);

    public JsonElement After => JsonSerializer.Deserialize<JsonElement>(AfterJson!);
}

/// <summary>Reads the audit trail straight from MySQL, to check what the API recorded.</summary>
public static class AuditRows
{
    public static async Task<IReadOnlyList<AuditRow>> ForAsync(HubFixture hub, string entityId)
    {
        await using var db = new MySqlConnection(hub.ConnectionString);
        return (await db.QueryAsync<AuditRow>("""
            SELECT action AS Action, entity_type AS EntityType, entity_id AS EntityId, actor_email AS ActorEmail,
                   before_json AS BeforeJson, after_json AS AfterJson
              FROM audit_log WHERE entity_id = @entityId ORDER BY id
            """, new { entityId })).AsList();
    }
}
