using System.Text.Json.Nodes;
using OneAIHub.Tests.LiteLLMStandin.Http;

namespace OneAIHub.Tests.LiteLLMStandin.State;

/// <summary>A <c>LiteLLM_BudgetTable</c> row; non-time columns in <see cref="Fields"/> under LiteLLM's names.</summary>
internal sealed class BudgetRow
{
    public required string BudgetId { get; init; }

    public JsonObject Fields { get; } = [];

    public DateTimeOffset? BudgetResetAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    public double? MaxBudget => JsonRead.Double(Fields["max_budget"]);
}

/// <summary>Budgets by id, in creation order. Callers hold <see cref="StandinState.Gate"/>.</summary>
internal sealed class BudgetStore
{
    private readonly List<BudgetRow> _rows = [];

    public IReadOnlyList<BudgetRow> All => _rows;

    public void Reset() => _rows.Clear();

    public BudgetRow? Find(string? budgetId) => budgetId is null ? null : _rows.FirstOrDefault(b => b.BudgetId == budgetId);

    public void Add(BudgetRow row) => _rows.Add(row);

    public bool Remove(BudgetRow row) => _rows.Remove(row);
}
