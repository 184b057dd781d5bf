using OneAIHub.Grains.Interfaces.Budgets;
using OneAIHub.Grains.Interfaces.Users;
using OneAIHub.Grains.LiteLLM;
using OneAIHub.Grains.Users;
using Orleans.Concurrency;

namespace OneAIHub.Grains.Budgets;

[StatelessWorker]
[GrainType("budget-admin")]
public sealed class BudgetAdminGrain(BudgetRepository budgets, ILiteLLMClient liteLLM) : Grain, IBudgetAdminGrain
{
    public async Task<IReadOnlyList<AdminBudget>> ListAsync() =>
        (await budgets.ListAllAsync()).Select(x => new AdminBudget(x.Budget.id, x.Budget.scope, x.Owner.user_id, x.Owner.user_email,
            x.Budget.api_key_id, x.Owner.key_name, x.Budget.max_budget, x.Budget.spend, x.Budget.budget_duration,
            Utc(x.Budget.period_start), Utc(x.Budget.reset_at), x.Budget.external_id)).ToList();

    public async Task<BudgetSyncReport> SyncAsync()
    {
        if (!liteLLM.IsConfigured)
            return new BudgetSyncReport(false, [], [], "LiteLLM is not configured (LiteLLM__BaseUrl); there is nothing to sync with.");
        IReadOnlyList<LiteLLMBudget> remote;
        try
        {
            remote = await liteLLM.ListBudgetsAsync();
        }
        catch (LiteLLMException ex)
        {
            return new BudgetSyncReport(true, [], [], $"LiteLLM's budget list could not be read: {ex.Message}");
        }

        var remoteById = remote.GroupBy(b => b.BudgetId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var hub = await budgets.ListAllAsync();
        var items = new List<BudgetSyncItem>();
        foreach (var (budget, owner) in hub)
        {
            var difference = budget.scope == BudgetScopes.User
                ? CompareUserBudget(budget, remoteById.GetValueOrDefault(budget.id))
                : await CompareKeyBudgetAsync(budget, owner.key_external_id);
            items.Add(difference is null
                ? new BudgetSyncItem(budget.id, budget.scope, owner.user_id, budget.api_key_id, BudgetSyncStates.InSync, null, false, null)
                : await RepushAsync(budget, owner.user_id, difference.Value.State, difference.Value.Detail));
        }
        var hubUserBudgets = hub.Where(x => x.Budget.scope == BudgetScopes.User).Select(x => x.Budget.id).ToHashSet(StringComparer.Ordinal);
        var unknown = remoteById.Keys.Where(id => !hubUserBudgets.Contains(id)).Order(StringComparer.Ordinal).ToList();
        return new BudgetSyncReport(true, items, unknown, null);
    }

    private static (string State, string Detail)? CompareUserBudget(BudgetRow budget, LiteLLMBudget? there)
    {
        if (there is null) return (BudgetSyncStates.Missing, "LiteLLM has no budget with this id.");
        return Differs(budget, there.MaxBudget, there.BudgetDuration);
    }

    private async Task<(string State, string Detail)?> CompareKeyBudgetAsync(BudgetRow budget, string? liteLLMKeyId)
    {
        if (liteLLMKeyId is null) return (BudgetSyncStates.Missing, "The key has no LiteLLM virtual key.");
        try
        {
            var info = (await liteLLM.GetKeyInfoAsync(liteLLMKeyId)).Info;
            return Differs(budget, info.MaxBudget, info.BudgetDuration);
        }
        catch (LiteLLMException ex)
        {
            return (BudgetSyncStates.Missing, $"LiteLLM's key could not be read: {ex.Message}");
        }
    }

    private static (string State, string Detail)? Differs(BudgetRow budget, decimal? maxThere, string? durationThere)
    {
        var duration = BudgetPeriods.ToLiteLLM(budget.budget_duration);
        // LiteLLM keeps money as a float: compare to a millionth of a dollar.
        if (maxThere is not { } max || Math.Round(max, 6) != Math.Round(budget.max_budget, 6) || durationThere != duration)
            return (BudgetSyncStates.Different,
                $"LiteLLM has max_budget {maxThere?.ToString() ?? "null"} and budget_duration {durationThere ?? "null"}; the hub has {budget.max_budget:0.######} and {duration}.");
        return null;
    }

    private async Task<BudgetSyncItem> RepushAsync(BudgetRow budget, string userId, string state, string detail)
    {
        var result = await GrainFactory.GetGrain<IUserGrain>(userId).MirrorBudgetAsync(budget.id)
            ?? new BudgetMirrorResult(false, "The budget was removed while syncing.");
        return new BudgetSyncItem(budget.id, budget.scope, userId, budget.api_key_id, state, detail, result.Mirrored, result.Error);
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
