namespace OneAIHub.Grains.Interfaces.Sync;

/// <summary>What a sync run pulls from LiteLLM: the models (with their companies) or only the companies.</summary>
public static class SyncKinds
{
    public const string Models = "models";
    public const string Companies = "companies";
}

/// <summary>Who started a run.</summary>
public static class SyncTriggers
{
    /// <summary>An admin pressed sync (the audit log names who).</summary>
    public const string Admin = "admin";

    /// <summary>The periodic reminder (<c>LiteLLM:SyncPeriod</c>).</summary>
    public const string Schedule = "schedule";
}

/// <summary>
/// One sync run. For a models run the counts are models (<see cref="Removed"/>: marked unavailable); for a
/// companies run they are companies. <see cref="FinishedAt"/> is null while the run is going.
/// </summary>
[GenerateSerializer, Immutable, Alias("oneaihub.sync-run")]
public sealed record SyncRun(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Trigger,
    [property: Id(2)] DateTime StartedAt,
    [property: Id(3)] DateTime? FinishedAt,
    [property: Id(4)] long? DurationMs,
    [property: Id(5)] int Created,
    [property: Id(6)] int Updated,
    [property: Id(7)] int Unchanged,
    [property: Id(8)] int Removed,
    [property: Id(9)] int CompaniesCreated,
    [property: Id(10)] string? Error);

/// <summary>The sync grain's state for the admin page: a run in progress (as <see cref="LastRun"/>) or the last finished one.</summary>
[GenerateSerializer, Immutable, Alias("oneaihub.sync-status")]
public sealed record SyncStatus(
    [property: Id(0)] bool Running,
    [property: Id(1)] bool LiteLLMConfigured,
    [property: Id(2)] SyncRun? LastRun);
