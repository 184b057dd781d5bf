using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using MySqlConnector;
using OneAIHub.Grains.Interfaces;
using OneAIHub.Grains.Interfaces.Catalog;
using OneAIHub.Grains.Interfaces.Sync;
using OneAIHub.Grains.LiteLLM;

namespace OneAIHub.Grains.Sync;

/// <summary>
/// Pulls the catalog from LiteLLM's <c>/model/info</c> into MySQL, then refreshes the catalog grain. A singleton
/// under the strongly consistent directory, so "one run at a time" holds cluster-wide. Its methods interleave so a
/// second trigger can join the running run and the status can be read during one; all state is touched on the
/// activation's scheduler, and state writes are serialized by <see cref="_stateGate"/>.
/// </summary>
[GrainType("model-sync")]
public sealed class ModelSyncGrain(
    [PersistentState("model-sync", "Default")] IPersistentState<ModelSyncState> state,
    ILiteLLMClient liteLLM,
    MySqlDataSource dataSource,
    IOptions<LiteLLMOptions> options,
    IOptions<ReminderOptions> reminderOptions,
    TimeProvider time,
    ILogger<ModelSyncGrain> logger) : Grain, IModelSyncGrain, IRemindable
{
    public const string ReminderName = "model-sync";
    public const string NotConfiguredError = "LiteLLM is not configured: set LiteLLM:BaseUrl.";

    private readonly SemaphoreSlim _stateGate = new(1, 1);
    private RunningSync? _running;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await EnsureScheduledAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The silo's startup task registers it too; activation must not fail over a reminder.
            logger.LogWarning(ex, "Could not register the model sync reminder on activation");
        }
    }

    public Task<SyncStatus> SyncModelsAsync(string trigger) => RunAsync(SyncKinds.Models, trigger);

    public Task<SyncStatus> SyncCompaniesAsync(string trigger) => RunAsync(SyncKinds.Companies, trigger);

    public Task<SyncStatus> GetStatusAsync() => Task.FromResult(Status());

    public async Task EnsureScheduledAsync()
    {
        var period = Period;
        if (state.State.ReminderPeriod == period && await this.GetReminder(ReminderName) is not null) return;
        await this.RegisterOrUpdateReminder(ReminderName, period, period);
        await SaveAsync(s => s.ReminderPeriod = period);
        logger.LogInformation("Model sync scheduled every {Period}", period);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName) return;
        // A tick can be delivered twice, or land right after a run: skip it when a run just finished.
        var last = state.State.LastRun;
        if (_running is null && last?.FinishedAt is { } finished && last.Kind == SyncKinds.Models
            && time.GetUtcNow().UtcDateTime - finished < Period / 2)
            return;
        await RunAsync(SyncKinds.Models, SyncTriggers.Schedule);
    }

    /// <summary><c>LiteLLM:SyncPeriod</c>, raised to the reminder service's minimum (one minute unless configured lower).</summary>
    private TimeSpan Period => TimeSpan.FromTicks(Math.Max(options.Value.SyncPeriod.Ticks, reminderOptions.Value.MinimumReminderPeriod.Ticks));

    private async Task<SyncStatus> RunAsync(string kind, string trigger)
    {
        // Another kind's run finishes first; a run of the same kind is joined.
        while (_running is { } other && other.Run.Kind != kind) await other.Completion;
        var running = _running ?? Start(kind, trigger);
        var run = await running.Completion;
        return new SyncStatus(_running is not null, liteLLM.IsConfigured, run);
    }

    private RunningSync Start(string kind, string trigger)
    {
        var running = new RunningSync(new SyncRun(kind, trigger, time.GetUtcNow().UtcDateTime, null, null, 0, 0, 0, 0, 0, null));
        _running = running;
        running.Completion = ExecuteAsync(running);
        return running;
    }

    private async Task<SyncRun> ExecuteAsync(RunningSync running)
    {
        var started = time.GetTimestamp();
        var run = running.Run;
        try
        {
            var (counts, error) = await SyncAsync(run.Kind);
            run = run with
            {
                FinishedAt = time.GetUtcNow().UtcDateTime,
                DurationMs = (long)time.GetElapsedTime(started).TotalMilliseconds,
                Created = counts.Created,
                Updated = counts.Updated,
                Unchanged = counts.Unchanged,
                Removed = counts.Removed,
                CompaniesCreated = counts.CompaniesCreated,
                Error = error,
            };
            await RememberAsync(run);
            return run;
        }
        finally
        {
            if (_running == running) _running = null;
        }
    }

    /// <summary>One run; every failure becomes the run's error and leaves MySQL as it was.</summary>
    private async Task<(SyncCounts Counts, string? Error)> SyncAsync(string kind)
    {
        if (!liteLLM.IsConfigured) return (default, NotConfiguredError);
        try
        {
            var upstream = UpstreamModel.ListFrom(await liteLLM.GetModelInfoAsync());
            SyncCounts counts;
            await using (var session = await CatalogSyncSession.BeginAsync(dataSource))
            {
                counts = kind == SyncKinds.Models
                    ? await ModelCatalogSync.ApplyAsync(session, upstream, time.GetUtcNow().UtcDateTime)
                    : await CompanyCatalogSync.ApplyAsync(session, upstream);
                await session.CommitAsync();
            }
            logger.LogInformation("Sync of {Kind} finished: {Counts}", kind, counts);
            return (counts, await RefreshCatalogAsync());
        }
        catch (LiteLLMException ex)
        {
            logger.LogWarning("Sync of {Kind} failed: LiteLLM answered {Error}", kind, ex.Message);
            return (default, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Reported on the status page rather than thrown at whoever triggered or joined the run.
            logger.LogError(ex, "Sync of {Kind} failed", kind);
            return (default, $"The catalog could not be updated: {ex.Message}");
        }
    }

    /// <summary>Lets the hot path see the written rows; null when it did, else the error to report.</summary>
    private async Task<string?> RefreshCatalogAsync()
    {
        try
        {
            await GrainFactory.GetGrain<ICatalogGrain>(GrainKeys.Catalog).RefreshAsync();
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The catalog grain could not reload after a sync");
            return $"The catalog was written but not reloaded (it will be on the next change): {ex.Message}";
        }
    }

    /// <summary>Keeps the finished run for the status page; a storage failure costs only that memory.</summary>
    private async Task RememberAsync(SyncRun run)
    {
        try
        {
            await SaveAsync(s => s.LastRun = run);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not store the last sync run");
        }
    }

    private SyncStatus Status() =>
        new(_running is not null, liteLLM.IsConfigured, _running?.Run ?? WithUtc(state.State.LastRun));

    /// <summary>Grain storage may hand back times without their kind; the API writes them as UTC.</summary>
    private static SyncRun? WithUtc(SyncRun? run) => run is null ? null : run with
    {
        StartedAt = DateTime.SpecifyKind(run.StartedAt, DateTimeKind.Utc),
        FinishedAt = run.FinishedAt is { } f ? DateTime.SpecifyKind(f, DateTimeKind.Utc) : null,
    };

    private async Task SaveAsync(Action<ModelSyncState> change)
    {
        await _stateGate.WaitAsync();
        try
        {
            change(state.State);
            await state.WriteStateAsync();
        }
        finally
        {
            _stateGate.Release();
        }
    }

    private sealed class RunningSync(SyncRun run)
    {
        public SyncRun Run { get; } = run;
        public Task<SyncRun> Completion { get; set; } = Task.FromResult(run);
    }
}
