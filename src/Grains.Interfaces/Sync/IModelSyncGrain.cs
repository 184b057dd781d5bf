using Orleans.Concurrency;

namespace OneAIHub.Grains.Interfaces.Sync;

/// <summary>
/// The singleton (<see cref="GrainKeys.ModelSync"/>) that pulls the catalog from LiteLLM, on a reminder every
/// <c>LiteLLM:SyncPeriod</c> and on an admin's request. One run at a time: a trigger that arrives while a run of
/// the same kind is going joins it and gets its result.
/// </summary>
public interface IModelSyncGrain : IGrainWithStringKey
{
    /// <summary>Creates new models (and their companies), updates known ones, marks vanished ones unavailable.</summary>
    [AlwaysInterleave]
    Task<SyncStatus> SyncModelsAsync(string trigger);

    /// <summary>Creates the companies of every provider LiteLLM serves and fills in metadata still at its defaults.</summary>
    [AlwaysInterleave]
    Task<SyncStatus> SyncCompaniesAsync(string trigger);

    [AlwaysInterleave]
    Task<SyncStatus> GetStatusAsync();

    /// <summary>Registers the periodic reminder unless it is already registered with the configured period.</summary>
    [AlwaysInterleave]
    Task EnsureScheduledAsync();
}
