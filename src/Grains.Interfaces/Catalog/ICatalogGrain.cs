using Orleans.Concurrency;

namespace OneAIHub.Grains.Interfaces.Catalog;

/// <summary>
/// The singleton holder of the catalog snapshot. Readers poll <see cref="GetVersionAsync"/>
/// and fetch the snapshot only when the version moved.
/// </summary>
public interface ICatalogGrain : IGrainWithStringKey
{
    [AlwaysInterleave]
    Task<long> GetVersionAsync();

    [AlwaysInterleave]
    Task<CatalogSnapshot> GetSnapshotAsync();

    /// <summary>Reloads from MySQL; called after a sync or an admin edit.</summary>
    Task<long> RefreshAsync();
}
