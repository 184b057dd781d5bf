using Microsoft.Extensions.Logging;
using OneAIHub.Grains.Interfaces;
using OneAIHub.Grains.Interfaces.Sync;

namespace OneAIHub.Grains.Sync;

/// <summary>
/// Runs on every silo once it is active: asks the sync grain to register its reminder. Every silo asks, so the
/// schedule exists as soon as any silo is up; the grain makes the repeat calls no-ops.
/// </summary>
public sealed class ModelSyncSchedule(IGrainFactory grains, ILogger<ModelSyncSchedule> logger) : IStartupTask
{
    private const int Attempts = 5;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    public async Task Execute(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await grains.GetGrain<IModelSyncGrain>(GrainKeys.ModelSync).EnsureScheduledAsync();
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && attempt < Attempts)
            {
                logger.LogDebug(ex, "Model sync schedule not registered yet (attempt {Attempt})", attempt);
                await Task.Delay(RetryDelay, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The grain registers the reminder again whenever it activates; the silo must not fail to start over it.
                logger.LogError(ex, "Could not register the model sync reminder");
                return;
            }
        }
    }
}
