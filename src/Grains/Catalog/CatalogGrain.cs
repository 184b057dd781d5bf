using OneAIHub.Grains.Interfaces.Catalog;

namespace OneAIHub.Grains.Catalog;

/// <summary>
/// Holds the catalog snapshot in memory. The version is the refresh time in ticks, so it only
/// grows, also across reactivations on another silo.
/// </summary>
[GrainType("catalog")]
public sealed class CatalogGrain(CatalogRepository repository, TimeProvider time) : Grain, ICatalogGrain
{
    private CatalogSnapshot _snapshot = CatalogSnapshot.Empty;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _snapshot = await repository.LoadAsync(NextVersion(), cancellationToken);

    public Task<long> GetVersionAsync() => Task.FromResult(_snapshot.Version);

    public Task<CatalogSnapshot> GetSnapshotAsync() => Task.FromResult(_snapshot);

    public async Task<long> RefreshAsync()
    {
        _snapshot = await repository.LoadAsync(NextVersion());
        return _snapshot.Version;
    }

    private long NextVersion() => Math.Max(time.GetUtcNow().UtcTicks, _snapshot.Version + 1);
}
