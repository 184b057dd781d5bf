using Dapper;
using MySqlConnector;
using OneAIHub.Grains.Users;

namespace OneAIHub.Grains.Budgets;

/// <summary>Reads budgets across users. It never writes: each budget is written by its owner's grain.</summary>
public sealed class BudgetRepository(MySqlDataSource dataSource)
{
    public async Task<IReadOnlyList<OwnedBudget>> ListAllAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<BudgetRow, BudgetOwnerRow, OwnedBudget>("""
            SELECT b.id, b.scope, b.api_key_id, b.max_budget, b.spend, b.budget_duration, b.period_start, b.reset_at, b.external_id,
                   b.user_id, u.email AS user_email, k.name AS key_name, k.external_id AS key_external_id
              FROM budgets b
              JOIN users u ON u.id = b.user_id
              LEFT JOIN api_keys k ON k.id = b.api_key_id
             ORDER BY u.email, b.scope DESC, b.created_at
            """, (budget, owner) => new OwnedBudget(budget, owner), splitOn: "user_id")).AsList();
    }

    /// <summary>Owners of budgets whose period ended by <paramref name="now"/>, those waiting longest first.</summary>
    public async Task<IReadOnlyList<string>> FindOwnersWithDueBudgetsAsync(DateTime now, int limit)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<string>("""
            SELECT user_id FROM budgets WHERE reset_at <= @now AND user_id IS NOT NULL
             GROUP BY user_id ORDER BY MIN(reset_at) LIMIT @limit
            """, new { now, limit })).AsList();
    }
}

/// <summary>A budget with its owner's email and, for a key budget, the key's name and LiteLLM key id.</summary>
public sealed record OwnedBudget(BudgetRow Budget, BudgetOwnerRow Owner);

#pragma warning disable IDE1006 // Dapper maps the snake_case columns by name.
public sealed record BudgetOwnerRow
{
    public string user_id { get; init; } = "";
    public string user_email { get; init; } = "";
    public string? key_name { get; init; }
    public string? key_external_id { get; init; }
}
#pragma warning restore IDE1006
