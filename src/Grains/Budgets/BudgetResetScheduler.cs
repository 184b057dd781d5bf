using Microsoft.Extensions.Logging;
using OneAIHub.Grains.Interfaces;
using OneAIHub.Grains.Interfaces.Budgets;

namespace OneAIHub.Grains.Budgets;

/// <summary>Makes sure the budget reset reminder exists once a silo is active (every silo asks; the grain registers once).</summary>
public sealed class BudgetResetScheduler(IGrainFactory grains, ILogger<BudgetResetScheduler> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);
    private const int Attempts = 12;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(BudgetResetScheduler), ServiceLifecycleStage.Active, OnActive, _ => Task.CompletedTask);

    private Task OnActive(CancellationToken cancellationToken)
    {
        // In the background: the reminder table or the grain's silo may need a moment, and start-up need not wait.
        _ = ScheduleAsync();
        return Task.CompletedTask;
    }

    private async Task ScheduleAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await grains.GetGrain<IBudgetResetGrain>(GrainKeys.BudgetReset).EnsureScheduledAsync();
                return;
            }
            catch (Exception ex) when (attempt < Attempts)
            {
                logger.LogDebug(ex, "Scheduling budget resets failed (attempt {Attempt}); retrying", attempt);
                await Task.Delay(RetryDelay);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Budget resets are not scheduled: budgets reset only when their owners next use the proxy");
                return;
            }
        }
    }
}
