using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OneAIHub.Grains.Interfaces.Catalog;

/// <summary>
/// A process-local copy of the catalog for hot paths: a background loop asks the catalog grain
/// for its version every <see cref="PollInterval"/> and fetches the snapshot only when it moved,
/// so admin edits arrive within about half a second and no request waits on the grain.
/// </summary>
public sealed class CatalogCache(IGrainFactory grains, ILogger<CatalogCache> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private readonly TaskCompletionSource _firstLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile CatalogIndex _current = CatalogIndex.Empty;

    /// <summary>The latest index; empty until the first load.</summary>
    public CatalogIndex Current => _current;

    /// <summary>The latest index, waiting for the first load if it has not happened yet.</summary>
    public ValueTask<CatalogIndex> GetAsync(CancellationToken cancellationToken = default) =>
        _firstLoad.Task.IsCompleted ? ValueTask.FromResult(_current) : WaitForFirstLoadAsync(cancellationToken);

    /// <summary>Fetches now instead of at the next tick (after an edit made through this process).</summary>
    public async Task RefreshNowAsync()
    {
        var grain = grains.GetGrain<ICatalogGrain>(GrainKeys.Catalog);
        Publish(await grain.GetSnapshotAsync());
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var grain = grains.GetGrain<ICatalogGrain>(GrainKeys.Catalog);
        using var timer = new PeriodicTimer(PollInterval);
        do
        {
            try
            {
                var version = await grain.GetVersionAsync();
                if (version != _current.Version || !_firstLoad.Task.IsCompleted)
                    Publish(await grain.GetSnapshotAsync());
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogDebug(ex, "Catalog poll failed; keeping version {Version}", _current.Version);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private void Publish(CatalogSnapshot snapshot)
    {
        if (snapshot.Version >= _current.Version) _current = new CatalogIndex(snapshot);
        _firstLoad.TrySetResult();
    }

    private async ValueTask<CatalogIndex> WaitForFirstLoadAsync(CancellationToken cancellationToken)
    {
        await _firstLoad.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        return _current;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try { return await timer.WaitForNextTickAsync(cancellationToken); }
        catch (OperationCanceledException) { return false; }
    }
}
