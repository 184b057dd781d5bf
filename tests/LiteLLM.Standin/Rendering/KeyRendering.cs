using System.Text.Json.Nodes;
using OneAIHub.Tests.LiteLLMStandin.Http;
using OneAIHub.Tests.LiteLLMStandin.State;

namespace OneAIHub.Tests.LiteLLMStandin.Rendering;

/// <summary>Key objects of <c>/key/*</c> (CONTRACT.md §5): every declared field, nulls included.</summary>
internal static class KeyRendering
{
    /// <summary><c>GenerateKeyResponse</c> fields in declaration order; time fields are rendered separately.</summary>
    private static readonly string[] GenerateFields =
    [
        "key_alias", "duration", "models", "spend", "max_budget", "user_id", "team_id", "agent_id", "max_parallel_requests",
        "metadata", "tpm_limit", "rpm_limit", "budget_duration", "allowed_cache_controls", "config", "permissions",
        "model_max_budget", "model_rpm_limit", "model_tpm_limit", "guardrails", "policies", "prompts", "blocked", "aliases",
        "object_permission", "key", "budget_id", "tags", "enforced_params", "allowed_routes", "allowed_passthrough_routes",
        "allowed_vector_store_indexes", "rpm_limit_type", "tpm_limit_type", "router_settings", "access_group_ids", "key_name",
        "expires", "token_id", "organization_id", "project_id", "litellm_budget_table", "token", "created_by", "updated_by",
        "created_at", "updated_at",
    ];

    /// <summary><c>LiteLLM_VerificationToken</c> columns (without <c>token</c>) and relation slots.</summary>
    private static readonly string[] RowFields =
    [
        "key_name", "key_alias", "soft_budget_cooldown", "spend", "expires", "models", "aliases", "config", "router_settings",
        "user_id", "team_id", "agent_id", "project_id", "permissions", "max_parallel_requests", "metadata", "blocked",
        "tpm_limit", "rpm_limit", "max_budget", "budget_duration", "budget_reset_at", "allowed_cache_controls", "allowed_routes",
        "policies", "access_group_ids", "model_spend", "model_max_budget", "budget_id", "organization_id",
        "object_permission_id", "created_at", "created_by", "updated_at", "updated_by", "last_active", "rotation_count",
        "auto_rotate", "rotation_interval", "last_rotation_at", "key_rotation_at", "litellm_budget_table",
        "litellm_organization_table", "litellm_project_table", "object_permission",
    ];

    public static JsonObject GenerateResponse(VirtualKey key, string secret, BudgetRow? budget)
    {
        var result = new JsonObject();
        foreach (var field in GenerateFields)
        {
            result[field] = field switch
            {
                "key" => secret,
                "key_name" => key.KeyName,
                "token" or "token_id" => key.Token,
                "expires" => JsonOut.PydanticTime(key.Expires),
                "created_at" => JsonOut.PydanticTime(key.CreatedAt),
                "updated_at" => JsonOut.PydanticTime(key.UpdatedAt),
                "litellm_budget_table" => budget is null ? null : BudgetRendering.Row(budget),
                "model_rpm_limit" or "model_tpm_limit" => JsonOut.Clone(key.Fields[field]) ?? JsonOut.Clone(key.Metadata[field]),
                _ => FieldOrDefault(key, field),
            };
        }

        return result;
    }

    /// <summary>The DB row as <c>/key/info</c> (without <c>token</c>), <c>/key/update</c> and full <c>/key/list</c> return it.</summary>
    public static JsonObject Row(VirtualKey key, BudgetRow? budget, bool includeToken)
    {
        var result = new JsonObject();
        if (includeToken)
        {
            result["token"] = key.Token;
        }

        foreach (var field in RowFields)
        {
            result[field] = field switch
            {
                "key_name" => key.KeyName,
                "expires" => JsonOut.IsoTime(key.Expires),
                "budget_reset_at" => JsonOut.IsoTime(key.BudgetResetAt),
                "created_at" => JsonOut.IsoTime(key.CreatedAt),
                "updated_at" => JsonOut.IsoTime(key.UpdatedAt),
                "last_active" => JsonOut.IsoTime(key.LastActive),
                "litellm_budget_table" => budget is null ? null : BudgetRendering.Row(budget),
                "soft_budget_cooldown" or "auto_rotate" => JsonOut.Clone(key.Fields[field]) ?? false,
                "rotation_count" => JsonOut.Clone(key.Fields[field]) ?? 0,
                "policies" => JsonOut.Clone(key.Fields[field]) ?? new JsonArray(),
                _ => FieldOrDefault(key, field),
            };
        }

        return result;
    }

    private static JsonNode? FieldOrDefault(VirtualKey key, string field) => key.Fields.TryGetPropertyValue(field, out var value) && value is not null
        ? value.DeepClone()
        : field switch
        {
            "models" or "allowed_cache_controls" or "allowed_routes" or "access_group_ids" => new JsonArray(),
            "metadata" or "config" or "permissions" or "model_max_budget" or "aliases" or "router_settings" or "model_spend" => new JsonObject(),
            "spend" => JsonOut.Float(0),
            _ => null,
        };
}
