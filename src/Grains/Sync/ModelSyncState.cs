using OneAIHub.Grains.Interfaces.Sync;

namespace OneAIHub.Grains.Sync;

/// <summary>The sync grain's durable memory: the last finished run and the period its reminder was registered with.</summary>
[GenerateSerializer, Alias("oneaihub.model-sync-state")]
public sealed class ModelSyncState
{
    [Id(0)] public SyncRun? LastRun { get; set; }
    [Id(1)] public TimeSpan? ReminderPeriod { get; set; }
}
