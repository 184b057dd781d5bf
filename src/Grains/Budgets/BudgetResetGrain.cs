using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneAIHub.Grains.Interfaces.Budgets;
using OneAIHub.Grains.Interfaces.Users;

namespace OneAIHub.Grains.Budgets;

/// <summary>
/// Starts new budget periods on schedule: a reminder finds owners of due budgets and asks each owner's
/// grain to roll them (the grain writes). Ticks may repeat; rolling is idempotent.
/// </summary>
[GrainType("budget-reset")]
public sealed class BudgetResetGrain(
    BudgetRepository budgets,
    IOptions<BudgetOptions> options,
    TimeProvider time,
    ILogger<BudgetResetGrain> logger) : Grain, IBudgetResetGrain, IRemindable
{
    private const string ReminderName = "reset-due-budgets";
    private const int OwnersPerTick = 1000;
    private const int ParallelOwners = 16;

    public Task EnsureScheduledAsync() =>
        this.RegisterOrUpdateReminder(ReminderName, options.Value.ResetCheckPeriod, options.Value.ResetCheckPeriod);

    public async Task<int> ResetDueAsync()
    {
        var owners = await budgets.FindOwnersWithDueBudgetsAsync(time.GetUtcNow().UtcDateTime, OwnersPerTick);
        var rolled = 0;
        foreach (var chunk in owners.Chunk(ParallelOwners))
            rolled += (await Task.WhenAll(chunk.Select(RollAsync))).Sum();
        if (rolled > 0) logger.LogInformation("Started a new period for {Count} budgets of {Owners} users", rolled, owners.Count);
        return rolled;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == ReminderName ? ResetDueAsync() : Task.CompletedTask;

    private async Task<int> RollAsync(string userId)
    {
        try
        {
            return await GrainFactory.GetGrain<IUserGrain>(userId).RollDueBudgetsAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not roll the budgets of user {UserId}; the next tick tries again", userId);
            return 0;
        }
    }
}
