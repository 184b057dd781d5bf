namespace OneAIHub.Grains.Interfaces.Admin;

/// <summary>The audit trail of admin changes (stateless worker; rows in <c>audit_log</c>).</summary>
public interface IAuditLogGrain : IGrainWithIntegerKey
{
    Task RecordAsync(AuditChange change);

    Task<AuditPage> ListAsync(int page, int pageSize, string? entityType = null, string? entityId = null);
}
