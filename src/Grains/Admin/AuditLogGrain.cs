using Dapper;
using MySqlConnector;
using OneAIHub.Grains.Interfaces.Admin;
using Orleans.Concurrency;

namespace OneAIHub.Grains.Admin;

[StatelessWorker]
[GrainType("audit-log")]
public sealed class AuditLogGrain(MySqlDataSource dataSource, TimeProvider time) : Grain, IAuditLogGrain
{
    public async Task RecordAsync(AuditChange change)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO audit_log (actor_id, actor_email, action, entity_type, entity_id, before_json, after_json, created_at)
            VALUES (@UserId, @Email, @Action, @EntityType, @EntityId, @BeforeJson, @AfterJson, @now)
            """, new
        {
            change.Actor.UserId, change.Actor.Email, change.Action, change.EntityType, change.EntityId, change.BeforeJson,
            change.AfterJson, now = time.GetUtcNow().UtcDateTime,
        });
    }

    public async Task<AuditPage> ListAsync(int page, int pageSize, string? entityType = null, string? entityId = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var filter = new { entityType, entityId, skip = (page - 1) * pageSize, take = pageSize };
        const string where = "WHERE (@entityType IS NULL OR entity_type = @entityType) AND (@entityId IS NULL OR entity_id = @entityId)";
        var total = await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM audit_log {where}", filter);
        var rows = await connection.QueryAsync<AuditRow>($"""
            SELECT id, actor_id, actor_email, action, entity_type, entity_id, before_json, after_json, created_at
              FROM audit_log {where} ORDER BY id DESC LIMIT @take OFFSET @skip
            """, filter);
        return new AuditPage(rows.Select(r => new AuditEntry(r.id, r.actor_id, r.actor_email, r.action, r.entity_type, r.entity_id,
            r.before_json, r.after_json, DateTime.SpecifyKind(r.created_at, DateTimeKind.Utc))).ToList(), total);
    }

#pragma warning disable IDE1006 // Dapper maps the snake_case columns by name.
    private sealed record AuditRow
    {
        public long id { get; init; }
        public string? actor_id { get; init; }
        public string? actor_email { get; init; }
        public string action { get; init; } = "";
        public string entity_type { get; init; } = "";
        public string? entity_id { get; init; }
        public string? before_json { get; init; }
        public string? after_json { get; init; }
        public DateTime created_at { get; init; }
    }
#pragma warning restore IDE1006
}
