using OneAIHub.Grains.Interfaces.Budgets;
using OneAIHub.Grains.LiteLLM;
using Orleans.Concurrency;

namespace OneAIHub.Grains.Budgets;

/// <summary>LiteLLM's <c>/budget/*</c> endpoints (CONTRACT.md §7) for admins, with LiteLLM's errors kept as messages.</summary>
[StatelessWorker]
[GrainType("litellm-budget")]
public sealed class LiteLLMBudgetGrain(ILiteLLMClient liteLLM) : Grain, ILiteLLMBudgetGrain
{
    public Task<LiteLLMBudgetsResult> ListAsync() =>
        CallAsync(async () => (await liteLLM.ListBudgetsAsync()).Select(ToView).ToList());

    public Task<LiteLLMBudgetsResult> CreateAsync(LiteLLMBudgetInput input) =>
        CallAsync(async () => [ToView(await liteLLM.CreateBudgetAsync(ToRequest(input)))]);

    public Task<LiteLLMBudgetsResult> UpdateAsync(LiteLLMBudgetInput input) =>
        CallAsync(async () => [ToView(await liteLLM.UpdateBudgetAsync(ToRequest(input)))]);

    public Task<LiteLLMBudgetsResult> DeleteAsync(string budgetId) =>
        CallAsync(async () => [ToView(await liteLLM.DeleteBudgetAsync(budgetId))]);

    private async Task<LiteLLMBudgetsResult> CallAsync(Func<Task<List<LiteLLMBudgetView>>> call)
    {
        if (!liteLLM.IsConfigured)
            return LiteLLMBudgetsResult.Fail(LiteLLMCallOutcome.NotConfigured, "LiteLLM is not configured (LiteLLM__BaseUrl), so its budgets cannot be read or changed.");
        try
        {
            return LiteLLMBudgetsResult.Ok(await call());
        }
        catch (LiteLLMException ex)
        {
            return LiteLLMBudgetsResult.Fail(LiteLLMCallOutcome.Failed, ex.Message);
        }
    }

    private static LiteLLMBudgetRequest ToRequest(LiteLLMBudgetInput input) => new()
    {
        BudgetId = input.BudgetId,
        MaxBudget = input.MaxBudget,
        SoftBudget = input.SoftBudget,
        MaxParallelRequests = input.MaxParallelRequests,
        TpmLimit = input.TpmLimit,
        RpmLimit = input.RpmLimit,
        BudgetDuration = input.BudgetDuration,
    };

    private static LiteLLMBudgetView ToView(LiteLLMBudget b) => new(b.BudgetId, b.MaxBudget, b.SoftBudget, b.MaxParallelRequests,
        b.TpmLimit, b.RpmLimit, b.BudgetDuration, b.BudgetResetAt, b.CreatedAt, b.UpdatedAt);
}
