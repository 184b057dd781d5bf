using System.Text.Json;

namespace OneAIHub.Grains.LiteLLM;

/// <summary>Body of <c>POST /budget/new</c> and <c>POST /budget/update</c> (where <see cref="BudgetId"/> is required).</summary>
public sealed record LiteLLMBudgetRequest
{
    public string? BudgetId { get; init; }

    /// <summary>USD.</summary>
    public decimal? MaxBudget { get; init; }

    public decimal? SoftBudget { get; init; }

    public long? MaxParallelRequests { get; init; }

    public long? TpmLimit { get; init; }

    public long? RpmLimit { get; init; }

    public string? BudgetDuration { get; init; }
}

/// <summary>A <c>LiteLLM_BudgetTable</c> row.</summary>
public sealed record LiteLLMBudget
{
    public string BudgetId { get; init; } = "";

    public decimal? MaxBudget { get; init; }

    public decimal? SoftBudget { get; init; }

    public long? MaxParallelRequests { get; init; }

    public long? TpmLimit { get; init; }

    public long? RpmLimit { get; init; }

    public JsonElement? ModelMaxBudget { get; init; }

    public string? BudgetDuration { get; init; }

    public DateTimeOffset? BudgetResetAt { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public string? CreatedBy { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public string? UpdatedBy { get; init; }
}

/// <summary>Body of <c>POST /budget/info</c>.</summary>
internal sealed record LiteLLMBudgetIds(IReadOnlyList<string> Budgets);

/// <summary>Body of <c>POST /budget/delete</c> and <c>POST /model/delete</c>.</summary>
internal sealed record LiteLLMIdRequest(string Id);
