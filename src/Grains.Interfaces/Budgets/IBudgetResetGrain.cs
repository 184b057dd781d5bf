namespace OneAIHub.Grains.Interfaces.Budgets;

/// <summary>
/// The singleton (key <see cref="GrainKeys.BudgetReset"/>) whose reminder starts new budget periods on
/// schedule, so an idle user's budget resets too. It only finds due budgets: each owner's grain rolls them.
/// </summary>
public interface IBudgetResetGrain : IGrainWithStringKey
{
    /// <summary>Registers the reminder (idempotent; every silo calls it at start).</summary>
    Task EnsureScheduledAsync();

    /// <summary>Rolls every budget whose reset time has passed; returns how many were rolled.</summary>
    Task<int> ResetDueAsync();
}
