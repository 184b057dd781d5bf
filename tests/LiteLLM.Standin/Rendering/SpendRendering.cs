using System.Text.Json.Nodes;
using OneAIHub.Tests.LiteLLMStandin.Http;
using OneAIHub.Tests.LiteLLMStandin.State;

namespace OneAIHub.Tests.LiteLLMStandin.Rendering;

/// <summary>Spend-log rows as <c>/spend/logs</c> returns them (CONTRACT.md §9.2 example).</summary>
internal static class SpendRendering
{
    public static JsonObject Row(SpendLogEntry row) => new()
    {
        ["request_id"] = row.RequestId,
        ["call_type"] = row.CallType,
        ["api_key"] = row.ApiKey,
        ["spend"] = JsonOut.Float(row.Spend),
        ["total_tokens"] = row.TotalTokens,
        ["prompt_tokens"] = row.PromptTokens,
        ["completion_tokens"] = row.CompletionTokens,
        ["startTime"] = JsonOut.PydanticTime(row.StartTime),
        ["endTime"] = JsonOut.PydanticTime(row.EndTime),
        ["request_duration_ms"] = (long)(row.EndTime - row.StartTime).TotalMilliseconds,
        ["completionStartTime"] = JsonOut.PydanticTime(row.CompletionStartTime),
        ["model"] = row.Model,
        ["model_id"] = row.ModelId,
        ["model_group"] = row.ModelGroup,
        ["custom_llm_provider"] = row.CustomLlmProvider,
        ["api_base"] = row.ApiBase,
        ["user"] = row.User,
        ["metadata"] = new JsonObject
        {
            ["user_api_key"] = row.ApiKey,
            ["user_api_key_alias"] = row.KeyAlias,
            ["user_api_key_team_id"] = row.TeamId,
            ["user_api_key_org_id"] = row.OrganizationId,
            ["user_api_key_user_id"] = string.IsNullOrEmpty(row.User) ? null : row.User,
            ["user_api_key_team_alias"] = null,
            ["spend_logs_metadata"] = null,
            ["requester_ip_address"] = row.RequesterIpAddress,
            ["applied_guardrails"] = new JsonArray(),
            ["status"] = "success",
            ["usage_object"] = new JsonObject
            {
                ["prompt_tokens"] = row.PromptTokens,
                ["completion_tokens"] = row.CompletionTokens,
                ["total_tokens"] = row.TotalTokens,
            },
            ["error_information"] = null,
        },
        ["cache_hit"] = "False",
        ["cache_key"] = "Cache OFF",
        ["request_tags"] = JsonOut.Strings(row.RequestTags),
        ["team_id"] = row.TeamId ?? "",
        ["organization_id"] = row.OrganizationId ?? "",
        ["end_user"] = row.EndUser,
        ["requester_ip_address"] = row.RequesterIpAddress,
        ["messages"] = new JsonObject(),
        ["response"] = new JsonObject(),
        ["session_id"] = row.SessionId,
        ["status"] = "success",
        ["mcp_namespaced_tool_name"] = null,
        ["agent_id"] = null,
        ["proxy_server_request"] = new JsonObject(),
    };
}
