namespace OneAIHub.Grains.Users;

/// <summary>Budget reset periods: daily, weekly and monthly, counted from the period's start.</summary>
public static class BudgetPeriods
{
    public static readonly IReadOnlyList<string> All = ["daily", "weekly", "monthly"];

    public static bool IsValid(string? duration) => duration is not null && All.Contains(duration);

    public static DateTime Next(DateTime start, string duration) => duration switch
    {
        "daily" => start.AddDays(1),
        "weekly" => start.AddDays(7),
        "monthly" => start.AddMonths(1),
        _ => throw new ArgumentOutOfRangeException(nameof(duration), duration, "Budget duration must be daily, weekly or monthly."),
    };

    /// <summary>LiteLLM's duration string for a period (CONTRACT.md: <c>&lt;n&gt;d</c>, <c>mo</c>).</summary>
    public static string ToLiteLLM(string duration) => duration switch
    {
        "daily" => "1d",
        "weekly" => "7d",
        "monthly" => "1mo",
        _ => throw new ArgumentOutOfRangeException(nameof(duration), duration, "Budget duration must be daily, weekly or monthly."),
    };
}
