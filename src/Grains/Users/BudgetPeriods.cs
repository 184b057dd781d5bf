using OneAIHub.Grains.Interfaces.Budgets;

namespace OneAIHub.Grains.Users;

/// <summary>Budget reset periods (<see cref="BudgetDurations"/>), counted from the period's start.</summary>
public static class BudgetPeriods
{
    public static DateTime Next(DateTime start, string duration) => duration switch
    {
        BudgetDurations.Daily => start.AddDays(1),
        BudgetDurations.Weekly => start.AddDays(7),
        BudgetDurations.Monthly => start.AddMonths(1),
        _ => throw new ArgumentOutOfRangeException(nameof(duration), duration, "Budget duration must be daily, weekly or monthly."),
    };

    /// <summary>LiteLLM's duration string for a period (CONTRACT.md: <c>&lt;n&gt;d</c>, <c>mo</c>).</summary>
    public static string ToLiteLLM(string duration) => duration switch
    {
        BudgetDurations.Daily => "1d",
        BudgetDurations.Weekly => "7d",
        BudgetDurations.Monthly => "1mo",
        _ => throw new ArgumentOutOfRangeException(nameof(duration), duration, "Budget duration must be daily, weekly or monthly."),
    };
}
