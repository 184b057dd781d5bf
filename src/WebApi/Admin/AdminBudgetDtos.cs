using OneAIHub.Grains.Interfaces.Budgets;

namespace OneAIHub.WebApi.Admin;

public sealed record AdminBudgetDto(
    string Id, string Scope, string UserId, string UserEmail, string? KeyId, string? KeyName, decimal MaxBudget, decimal Spend,
    string BudgetDuration, DateTime PeriodStart, DateTime ResetAt, bool Mirrored)
{
    public static AdminBudgetDto From(AdminBudget b) => new(b.Id, b.Scope, b.UserId, b.UserEmail, b.ApiKeyId, b.KeyName, b.MaxBudget,
        b.Spend, b.BudgetDuration, b.PeriodStart, b.ResetAt, b.ExternalId is not null);
}

/// <summary>A LiteLLM budget to create or change; absent members are not sent to LiteLLM.</summary>
public sealed record LiteLLMBudgetBody(
    string? BudgetId, decimal? MaxBudget, decimal? SoftBudget, long? MaxParallelRequests, long? TpmLimit, long? RpmLimit,
    string? BudgetDuration);

public sealed record BudgetSyncDto(
    int Checked, int InSync, int Missing, int Different, int Repushed, int Failed, IReadOnlyList<BudgetSyncItem> Items,
    IReadOnlyList<string> UnknownInLiteLLM)
{
    public static BudgetSyncDto From(BudgetSyncReport report) => new(
        report.Items.Count,
        report.Items.Count(i => i.State == BudgetSyncStates.InSync),
        report.Items.Count(i => i.State == BudgetSyncStates.Missing),
        report.Items.Count(i => i.State == BudgetSyncStates.Different),
        report.Items.Count(i => i.Repushed),
        report.Items.Count(i => i.State != BudgetSyncStates.InSync && !i.Repushed),
        report.Items, report.UnknownInLiteLLM);
}
