using OneAIHub.Grains.Interfaces.Budgets;

namespace OneAIHub.Grains.Users;

public sealed partial class UserGrain
{
    /// <summary>The user's own budget and the key's budget, rolled into their current period.</summary>
    private IEnumerable<BudgetRow> ApplicableBudgets(string apiKeyId, DateTime now)
    {
        foreach (var id in _budgets.Keys.ToList())
        {
            var budget = Roll(_budgets[id], now);
            if (budget.scope == BudgetScopes.User || (budget.scope == BudgetScopes.Key && budget.api_key_id == apiKeyId))
                yield return budget;
        }
    }

    private BudgetRow? ExceededBudget(string apiKeyId, DateTime now) =>
        ApplicableBudgets(apiKeyId, now).FirstOrDefault(b => b.spend >= b.max_budget);

    private void AddBudgetSpend(string apiKeyId, decimal amount, DateTime now)
    {
        foreach (var budget in ApplicableBudgets(apiKeyId, now).ToList())
        {
            _budgets[budget.id] = budget with { spend = budget.spend + amount };
            _dirtyBudgets.Add(budget.id);
        }
    }

    /// <summary>Starts a new period (spend back to zero) once the reset time has passed.</summary>
    private BudgetRow Roll(BudgetRow budget, DateTime now)
    {
        if (now < budget.reset_at) return budget;
        var start = budget.reset_at;
        var next = BudgetPeriods.Next(start, budget.budget_duration);
        while (next <= now)
        {
            start = next;
            next = BudgetPeriods.Next(start, budget.budget_duration);
        }
        var rolled = budget with { spend = 0, period_start = start, reset_at = next };
        _budgets[budget.id] = rolled;
        _dirtyBudgets.Add(budget.id);
        return rolled;
    }
}
