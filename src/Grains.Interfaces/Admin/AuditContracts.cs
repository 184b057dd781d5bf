namespace OneAIHub.Grains.Interfaces.Admin;

/// <summary>Who made an admin change (from the caller's token).</summary>
[GenerateSerializer, Immutable, Alias("oneaihub.actor")]
public sealed record Actor(
    [property: Id(0)] string UserId,
    [property: Id(1)] string? Email);

/// <summary>One admin change: what, on which entity, its JSON before and after.</summary>
[GenerateSerializer, Immutable, Alias("oneaihub.audit-change")]
public sealed record AuditChange(
    [property: Id(0)] Actor Actor,
    [property: Id(1)] string Action,
    [property: Id(2)] string EntityType,
    [property: Id(3)] string? EntityId,
    [property: Id(4)] string? BeforeJson,
    [property: Id(5)] string? AfterJson);

[GenerateSerializer, Immutable, Alias("oneaihub.audit-entry")]
public sealed record AuditEntry(
    [property: Id(0)] long Id,
    [property: Id(1)] string? ActorId,
    [property: Id(2)] string? ActorEmail,
    [property: Id(3)] string Action,
    [property: Id(4)] string EntityType,
    [property: Id(5)] string? EntityId,
    [property: Id(6)] string? Before,
    [property: Id(7)] string? After,
    [property: Id(8)] DateTime CreatedAt);

[GenerateSerializer, Immutable, Alias("oneaihub.audit-page")]
public sealed record AuditPage(
    [property: Id(0)] IReadOnlyList<AuditEntry> Items,
    [property: Id(1)] int Total);
