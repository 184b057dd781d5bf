using Microsoft.Extensions.Logging;
using OneAIHub.Grains.Interfaces.Budgets;
using OneAIHub.Grains.LiteLLM;
using OneAIHub.Grains.Users;

namespace OneAIHub.Grains.Budgets;

/// <summary>
/// Copies hub budgets to LiteLLM: a user budget is a LiteLLM budget object with the hub budget's id
/// (CONTRACT.md §7), a key budget is <c>max_budget</c>/<c>budget_duration</c> on the key's virtual key
/// (§5.2). The hub enforces budgets itself; a failed copy is logged and reported, never hidden.
/// </summary>
public sealed class BudgetMirror(ILiteLLMClient liteLLM, ILogger<BudgetMirror> logger)
{
    private static readonly BudgetMirrorResult Done = new(true, null);
    private static readonly BudgetMirrorResult NotConfigured = new(false, "LiteLLM is not configured (LiteLLM__BaseUrl), so the budget is kept in the hub only.");

    /// <param name="knownThere">Whether an earlier push reached LiteLLM, so an update is tried before a create.</param>
    public async Task<BudgetMirrorResult> PushUserBudgetAsync(string budgetId, decimal maxBudget, string duration, bool knownThere)
    {
        if (!liteLLM.IsConfigured) return NotConfigured;
        var request = new LiteLLMBudgetRequest { BudgetId = budgetId, MaxBudget = maxBudget, BudgetDuration = BudgetPeriods.ToLiteLLM(duration) };
        return await TryAsync($"budget {budgetId}", async () =>
        {
            try
            {
                await (knownThere ? liteLLM.UpdateBudgetAsync(request) : liteLLM.CreateBudgetAsync(request));
            }
            catch (LiteLLMException ex) when (ex.Kind == LiteLLMErrorKind.ErrorResponse)
            {
                // Created earlier but not recorded, or deleted there since: the other call fits.
                await (knownThere ? liteLLM.CreateBudgetAsync(request) : liteLLM.UpdateBudgetAsync(request));
            }
        });
    }

    public async Task<BudgetMirrorResult> RemoveUserBudgetAsync(string budgetId)
    {
        if (!liteLLM.IsConfigured) return NotConfigured;
        return await TryAsync($"budget {budgetId}", async () =>
        {
            try
            {
                await liteLLM.DeleteBudgetAsync(budgetId);
            }
            catch (LiteLLMException ex) when (ex.Kind == LiteLLMErrorKind.ErrorResponse
                && ex.Message.Contains("not found", StringComparison.OrdinalIgnoreCase))
            {
                // Never reached LiteLLM, or already deleted there: nothing to remove.
            }
        });
    }

    /// <summary>Sets (or with a null <paramref name="maxBudget"/> clears) the budget of a key's LiteLLM virtual key.</summary>
    public async Task<BudgetMirrorResult> PushKeyBudgetAsync(string? liteLLMKeyId, decimal? maxBudget, string? duration)
    {
        if (!liteLLM.IsConfigured) return NotConfigured;
        if (liteLLMKeyId is null)
            return new BudgetMirrorResult(false, "The key has no LiteLLM virtual key (it was created while LiteLLM was not configured).");
        return await TryAsync($"key {liteLLMKeyId}", () => maxBudget is { } max
            ? liteLLM.UpdateKeyAsync(new LiteLLMUpdateKeyRequest { Key = liteLLMKeyId, MaxBudget = max, BudgetDuration = BudgetPeriods.ToLiteLLM(duration!) })
            : liteLLM.ClearKeyBudgetAsync(liteLLMKeyId));
    }

    private async Task<BudgetMirrorResult> TryAsync(string what, Func<Task> call)
    {
        try
        {
            await call();
            return Done;
        }
        catch (LiteLLMException ex)
        {
            logger.LogWarning(ex, "Could not mirror the {What} to LiteLLM", what);
            return new BudgetMirrorResult(false, $"LiteLLM did not take the budget: {ex.Message}");
        }
    }
}
