using OneAIHub.Grains.Interfaces.Budgets;

namespace OneAIHub.Grains.Users;

public sealed partial class UserGrain
{
    public Task<IReadOnlyList<BudgetInfo>> ListBudgetsAsync()
    {
        var now = Now();
        IReadOnlyList<BudgetInfo> budgets = _budgets.Values.ToList()
            .Select(b => Roll(b, now))
            .OrderBy(b => b.scope == BudgetScopes.User ? 0 : 1).ThenBy(b => b.api_key_id, StringComparer.Ordinal)
            .Select(ToBudgetInfo).ToList();
        return Task.FromResult(budgets);
    }

    public async Task<BudgetChange> SetBudgetAsync(string? apiKeyId, decimal maxBudget, string duration)
    {
        if (_user is null) return BudgetChange.Refused(BudgetOutcome.UserNotFound);
        ApiKeyRow? key = null;
        if (apiKeyId is not null)
        {
            if (!_keys.TryGetValue(apiKeyId, out key)) return BudgetChange.Refused(BudgetOutcome.KeyNotFound);
            if (key.revoked_at is not null) return BudgetChange.Refused(BudgetOutcome.KeyRevoked);
        }

        var now = Now();
        BudgetRow budget;
        if (FindBudget(apiKeyId) is { } existing)
        {
            budget = Roll(existing, now) with { max_budget = maxBudget };
            if (budget.budget_duration != duration)
                budget = budget with { budget_duration = duration, period_start = now, reset_at = BudgetPeriods.Next(now, duration) };
            await repository.UpdateBudgetAsync(budget);
        }
        else
        {
            budget = new BudgetRow
            {
                id = Guid.NewGuid().ToString(),
                scope = apiKeyId is null ? BudgetScopes.User : BudgetScopes.Key,
                api_key_id = apiKeyId,
                max_budget = maxBudget,
                spend = 0,
                budget_duration = duration,
                period_start = now,
                reset_at = BudgetPeriods.Next(now, duration),
            };
            await repository.InsertBudgetAsync(UserId, budget);
        }
        _budgets[budget.id] = budget;
        var mirror = await MirrorAsync(budget, key);
        return new BudgetChange(BudgetOutcome.Saved, ToBudgetInfo(_budgets[budget.id]), mirror);
    }

    public async Task<BudgetChange> RemoveBudgetAsync(string? apiKeyId)
    {
        if (_user is null) return BudgetChange.Refused(BudgetOutcome.UserNotFound);
        ApiKeyRow? key = null;
        if (apiKeyId is not null && !_keys.TryGetValue(apiKeyId, out key)) return BudgetChange.Refused(BudgetOutcome.KeyNotFound);
        if (FindBudget(apiKeyId) is not { } budget) return BudgetChange.Refused(BudgetOutcome.NoBudget);

        await repository.DeleteBudgetAsync(budget.id);
        _budgets.Remove(budget.id);
        _dirtyBudgets.Remove(budget.id);
        var mirror = budget.scope == BudgetScopes.User
            ? await budgetMirror.RemoveUserBudgetAsync(budget.id)
            : await budgetMirror.PushKeyBudgetAsync(key?.external_id, null, null);
        return new BudgetChange(BudgetOutcome.Removed, ToBudgetInfo(budget), mirror);
    }

    /// <summary>The reset reminder's call: rolls due budgets and writes them now, so an idle user's reset is saved too.</summary>
    public async Task<int> RollDueBudgetsAsync()
    {
        if (_user is null) return 0;
        var now = Now();
        var due = _budgets.Values.Where(b => now >= b.reset_at).ToList();
        foreach (var budget in due) Roll(budget, now);
        if (_dirtyBudgets.Count > 0) await FlushAsync(CancellationToken.None);
        return due.Count;
    }

    public async Task<BudgetMirrorResult?> MirrorBudgetAsync(string budgetId)
    {
        if (_user is null || !_budgets.TryGetValue(budgetId, out var budget)) return null;
        var key = budget.api_key_id is { } keyId ? _keys.GetValueOrDefault(keyId) : null;
        return await MirrorAsync(budget, key);
    }

    /// <summary>Pushes the budget to LiteLLM and records whether LiteLLM now holds it (<c>external_id</c>).</summary>
    private async Task<BudgetMirrorResult> MirrorAsync(BudgetRow budget, ApiKeyRow? key)
    {
        var result = budget.scope == BudgetScopes.User
            ? await budgetMirror.PushUserBudgetAsync(budget.id, budget.max_budget, budget.budget_duration, budget.external_id is not null)
            : await budgetMirror.PushKeyBudgetAsync(key?.external_id, budget.max_budget, budget.budget_duration);
        var externalId = !result.Mirrored ? null : budget.scope == BudgetScopes.User ? budget.id : key?.external_id;
        if (externalId != budget.external_id)
        {
            var current = _budgets[budget.id] with { external_id = externalId };
            await repository.UpdateBudgetAsync(current);
            _budgets[budget.id] = current;
        }
        return result;
    }

    private BudgetRow? FindBudget(string? apiKeyId) => _budgets.Values.FirstOrDefault(b => apiKeyId is null
        ? b.scope == BudgetScopes.User
        : b.scope == BudgetScopes.Key && b.api_key_id == apiKeyId);

    private static BudgetInfo ToBudgetInfo(BudgetRow b) => new(b.id, b.scope, b.api_key_id, b.max_budget, b.spend,
        b.budget_duration, Utc(b.period_start), Utc(b.reset_at), b.external_id);
}
