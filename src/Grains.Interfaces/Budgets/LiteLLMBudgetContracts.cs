namespace OneAIHub.Grains.Interfaces.Budgets;

/// <summary>A budget object as LiteLLM holds it (<c>LiteLLM_BudgetTable</c>).</summary>
[GenerateSerializer, Immutable, Alias("oneaihub.litellm-budget-view")]
public sealed record LiteLLMBudgetView(
    [property: Id(0)] string BudgetId,
    [property: Id(1)] decimal? MaxBudget,
    [property: Id(2)] decimal? SoftBudget,
    [property: Id(3)] long? MaxParallelRequests,
    [property: Id(4)] long? TpmLimit,
    [property: Id(5)] long? RpmLimit,
    [property: Id(6)] string? BudgetDuration,
    [property: Id(7)] DateTimeOffset? BudgetResetAt,
    [property: Id(8)] DateTimeOffset? CreatedAt,
    [property: Id(9)] DateTimeOffset? UpdatedAt);

/// <summary>What an admin sends to create or change a LiteLLM budget; null members are not sent.</summary>
[GenerateSerializer, Immutable, Alias("oneaihub.litellm-budget-input")]
public sealed record LiteLLMBudgetInput(
    [property: Id(0)] string? BudgetId,
    [property: Id(1)] decimal? MaxBudget,
    [property: Id(2)] decimal? SoftBudget,
    [property: Id(3)] long? MaxParallelRequests,
    [property: Id(4)] long? TpmLimit,
    [property: Id(5)] long? RpmLimit,
    [property: Id(6)] string? BudgetDuration);

public enum LiteLLMCallOutcome
{
    Ok,
    NotConfigured,
    Failed,
}

/// <summary>The answer of a pass-through call: LiteLLM's rows, or why there are none.</summary>
[GenerateSerializer, Immutable, Alias("oneaihub.litellm-budgets-result")]
public sealed record LiteLLMBudgetsResult(
    [property: Id(0)] LiteLLMCallOutcome Outcome,
    [property: Id(1)] IReadOnlyList<LiteLLMBudgetView> Budgets,
    [property: Id(2)] string? Error)
{
    public static LiteLLMBudgetsResult Ok(IReadOnlyList<LiteLLMBudgetView> budgets) => new(LiteLLMCallOutcome.Ok, budgets, null);

    public static LiteLLMBudgetsResult Fail(LiteLLMCallOutcome outcome, string error) => new(outcome, [], error);
}
