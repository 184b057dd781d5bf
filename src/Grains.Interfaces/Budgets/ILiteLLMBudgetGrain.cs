namespace OneAIHub.Grains.Interfaces.Budgets;

/// <summary>LiteLLM's own budget endpoints, passed through for admins (stateless worker).</summary>
public interface ILiteLLMBudgetGrain : IGrainWithIntegerKey
{
    Task<LiteLLMBudgetsResult> ListAsync();

    Task<LiteLLMBudgetsResult> CreateAsync(LiteLLMBudgetInput input);

    /// <summary><paramref name="input"/>'s <c>BudgetId</c> names the budget.</summary>
    Task<LiteLLMBudgetsResult> UpdateAsync(LiteLLMBudgetInput input);

    Task<LiteLLMBudgetsResult> DeleteAsync(string budgetId);
}
