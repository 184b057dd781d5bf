using OneAIHub.Grains.Interfaces.Budgets;

namespace OneAIHub.WebApi.Budgets;

public sealed record BudgetRequest(decimal? MaxBudget, string? BudgetDuration);

/// <summary>
/// A budget as its owner sees it. <c>Mirrored</c>: LiteLLM holds the same values; after a change that did not
/// reach LiteLLM, <c>MirrorError</c> says why (the hub enforces the budget either way).
/// </summary>
public sealed record BudgetDto(
    string Id, string Scope, string? KeyId, decimal MaxBudget, decimal Spend, decimal Remaining, string BudgetDuration,
    DateTime PeriodStart, DateTime ResetAt, bool Mirrored, string? MirrorError)
{
    public static BudgetDto From(BudgetInfo b, BudgetMirrorResult? mirror = null) => new(b.Id, b.Scope, b.ApiKeyId, b.MaxBudget,
        b.Spend, Math.Max(0, b.MaxBudget - b.Spend), b.BudgetDuration, b.PeriodStart, b.ResetAt,
        mirror?.Mirrored ?? b.ExternalId is not null, mirror?.Error);
}
