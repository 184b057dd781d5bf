namespace OneAIHub.Grains.Interfaces.Budgets;

/// <summary>A hub budget with its owner, for the admin list.</summary>
[GenerateSerializer, Immutable, Alias("oneaihub.admin-budget")]
public sealed record AdminBudget(
    [property: Id(0)] string Id,
    [property: Id(1)] string Scope,
    [property: Id(2)] string UserId,
    [property: Id(3)] string UserEmail,
    [property: Id(4)] string? ApiKeyId,
    [property: Id(5)] string? KeyName,
    [property: Id(6)] decimal MaxBudget,
    [property: Id(7)] decimal Spend,
    [property: Id(8)] string BudgetDuration,
    [property: Id(9)] DateTime PeriodStart,
    [property: Id(10)] DateTime ResetAt,
    [property: Id(11)] string? ExternalId);

public static class BudgetSyncStates
{
    public const string InSync = "in_sync";
    public const string Missing = "missing";
    public const string Different = "different";
}

/// <summary>One hub budget compared with LiteLLM: its state before the sync and what re-pushing it did.</summary>
[GenerateSerializer, Immutable, Alias("oneaihub.budget-sync-item")]
public sealed record BudgetSyncItem(
    [property: Id(0)] string BudgetId,
    [property: Id(1)] string Scope,
    [property: Id(2)] string UserId,
    [property: Id(3)] string? ApiKeyId,
    [property: Id(4)] string State,
    [property: Id(5)] string? Difference,
    [property: Id(6)] bool Repushed,
    [property: Id(7)] string? Error);

/// <summary>
/// The answer of a budget sync: every hub budget's state, and LiteLLM budgets no hub budget owns.
/// <see cref="Error"/> is set when LiteLLM could not be read at all.
/// </summary>
[GenerateSerializer, Immutable, Alias("oneaihub.budget-sync-report")]
public sealed record BudgetSyncReport(
    [property: Id(0)] bool LiteLLMConfigured,
    [property: Id(1)] IReadOnlyList<BudgetSyncItem> Items,
    [property: Id(2)] IReadOnlyList<string> UnknownInLiteLLM,
    [property: Id(3)] string? Error);
