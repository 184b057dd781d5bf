namespace OneAIHub.Grains.Interfaces.Budgets;

/// <summary>How often a budget's spend starts again from zero.</summary>
public static class BudgetDurations
{
    public const string Daily = "daily";
    public const string Weekly = "weekly";
    public const string Monthly = "monthly";

    public static readonly IReadOnlyList<string> All = [Daily, Weekly, Monthly];

    public static bool IsValid(string? duration) => duration is not null && All.Contains(duration);
}

/// <summary>Whose spend a budget caps: the user's whole account, or one of their API keys.</summary>
public static class BudgetScopes
{
    public const string User = "user";
    public const string Key = "key";
}

/// <summary>
/// A max spend over a reset period. <see cref="ExternalId"/> is set while LiteLLM holds the same
/// values (the LiteLLM budget id for a user budget, the LiteLLM key id for a key budget).
/// </summary>
[GenerateSerializer, Immutable, Alias("oneaihub.budget-info")]
public sealed record BudgetInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Scope,
    [property: Id(2)] string? ApiKeyId,
    [property: Id(3)] decimal MaxBudget,
    [property: Id(4)] decimal Spend,
    [property: Id(5)] string BudgetDuration,
    [property: Id(6)] DateTime PeriodStart,
    [property: Id(7)] DateTime ResetAt,
    [property: Id(8)] string? ExternalId);

/// <summary>Whether a budget change reached LiteLLM; <see cref="Error"/> says why not.</summary>
[GenerateSerializer, Immutable, Alias("oneaihub.budget-mirror-result")]
public sealed record BudgetMirrorResult(
    [property: Id(0)] bool Mirrored,
    [property: Id(1)] string? Error);

public enum BudgetOutcome
{
    Saved,
    Removed,
    UserNotFound,
    KeyNotFound,
    KeyRevoked,
    NoBudget,
}

[GenerateSerializer, Immutable, Alias("oneaihub.budget-change")]
public sealed record BudgetChange(
    [property: Id(0)] BudgetOutcome Outcome,
    [property: Id(1)] BudgetInfo? Budget,
    [property: Id(2)] BudgetMirrorResult? Mirror)
{
    public static BudgetChange Refused(BudgetOutcome outcome) => new(outcome, null, null);
}
