using System.Text.Json.Nodes;
using OneAIHub.Tests.LiteLLMStandin.Http;
using OneAIHub.Tests.LiteLLMStandin.State;

namespace OneAIHub.Tests.LiteLLMStandin.Rendering;

/// <summary><c>LiteLLM_BudgetTable</c> rows (CONTRACT.md §7), relation slots as null.</summary>
internal static class BudgetRendering
{
    private static readonly string[] Fields =
    [
        "budget_id", "max_budget", "soft_budget", "max_parallel_requests", "tpm_limit", "rpm_limit", "model_max_budget",
        "budget_duration", "budget_reset_at", "created_at", "created_by", "updated_at", "updated_by", "organization", "projects",
        "keys", "end_users", "tags", "team_membership", "organization_membership",
    ];

    public static JsonObject Row(BudgetRow budget)
    {
        var result = new JsonObject();
        foreach (var field in Fields)
        {
            result[field] = field switch
            {
                "budget_id" => budget.BudgetId,
                "budget_reset_at" => JsonOut.PydanticTime(budget.BudgetResetAt),
                "created_at" => JsonOut.PydanticTime(budget.CreatedAt),
                "updated_at" => JsonOut.PydanticTime(budget.UpdatedAt),
                _ => JsonOut.Clone(budget.Fields[field]),
            };
        }

        return result;
    }
}
