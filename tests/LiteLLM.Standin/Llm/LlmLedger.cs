using System.Globalization;
using System.Text.Json.Nodes;
using OneAIHub.Tests.LiteLLMStandin.Http;
using OneAIHub.Tests.LiteLLMStandin.State;

namespace OneAIHub.Tests.LiteLLMStandin.Llm;

/// <summary>Spend accounting and LiteLLM's response headers for an admitted LLM call.</summary>
internal static class LlmLedger
{
    /// <summary>Cost = prompt × input price + completion × output price (CONTRACT.md §12).</summary>
    public static double Cost(StandinModel model, int promptTokens, int completionTokens) =>
        (promptTokens * model.InputCostPerToken) + (completionTokens * model.OutputCostPerToken);

    /// <summary>
    /// Writes the spend row and adds the cost to the key, at once (LiteLLM batches these writes every ~10 s).
    /// Returns the call's cost and the key's spend after it.
    /// </summary>
    public static (double Cost, double KeySpend) Record(
        StandinState state, LlmAdmission call, HttpContext context, JsonObject body, string callType, string requestId, int promptTokens, int completionTokens)
    {
        var cost = Cost(call.Deployment, promptTokens, completionTokens);
        var now = DateTimeOffset.UtcNow;
        lock (state.Gate)
        {
            var key = call.Caller.Key;
            state.Spend.Add(new SpendLogEntry
            {
                RequestId = requestId,
                CallType = callType,
                ApiKey = call.Caller.Token,
                Spend = cost,
                PromptTokens = promptTokens,
                CompletionTokens = completionTokens,
                StartTime = call.StartedAt,
                EndTime = now,
                CompletionStartTime = now,
                Model = call.Deployment.ProviderModel,
                ModelId = call.Deployment.Id,
                ModelGroup = call.ModelGroup,
                CustomLlmProvider = call.Deployment.Provider,
                ApiBase = call.Deployment.ApiBase ?? "",
                User = call.Caller.UserId ?? "",
                EndUser = JsonRead.String(body["user"]) ?? "",
                TeamId = key?.TeamId,
                OrganizationId = key?.OrganizationId,
                KeyAlias = key?.KeyAlias,
                RequestTags = Tags(context, body),
                RequesterIpAddress = context.Connection.RemoteIpAddress?.ToString(),
                SessionId = call.CallId,
            });
            if (key is null)
            {
                return (cost, 0d);
            }

            key.Spend += cost;
            key.ModelSpend[call.ModelGroup] = JsonOut.Float((JsonRead.Double(key.ModelSpend[call.ModelGroup]) ?? 0d) + cost);
            key.LastActive = now;
            state.Keys.Window(key.Token, now).Tokens += promptTokens + completionTokens;
            return (cost, key.Spend);
        }
    }

    /// <summary>The <c>x-litellm-*</c> headers of CONTRACT.md §4.1; <paramref name="cost"/> is null on streams (not known before the first byte).</summary>
    public static void ApplyHeaders(HttpResponse response, StandinState state, LlmAdmission call, double? cost, double? keySpend)
    {
        var headers = response.Headers;
        headers["x-litellm-call-id"] = call.CallId;
        headers["x-litellm-model-id"] = call.Deployment.Id;
        if (call.Deployment.ApiBase is { } apiBase)
        {
            headers["x-litellm-model-api-base"] = apiBase;
        }

        headers["x-litellm-version"] = StandinState.LiteLLMVersion;
        if (cost is { } c)
        {
            headers["x-litellm-response-cost"] = JsonOut.PyFloat(c);
        }

        var elapsed = (long)(DateTimeOffset.UtcNow - call.StartedAt).TotalMilliseconds;
        headers["x-litellm-response-duration-ms"] = elapsed.ToString(CultureInfo.InvariantCulture);
        headers["x-litellm-overhead-duration-ms"] = "0";
        headers["x-litellm-attempted-retries"] = "0";
        headers["llm_provider-x-request-id"] = "req_" + call.CallId.Replace("-", "", StringComparison.Ordinal);
        if (call.Caller.Key is not { } key)
        {
            return;
        }

        lock (state.Gate)
        {
            headers["x-litellm-key-spend"] = JsonOut.PyFloat(keySpend ?? key.Spend);
            if (key.TpmLimit is { } tpm)
            {
                headers["x-litellm-key-tpm-limit"] = tpm.ToString(CultureInfo.InvariantCulture);
            }

            if (key.RpmLimit is { } rpm)
            {
                headers["x-litellm-key-rpm-limit"] = rpm.ToString(CultureInfo.InvariantCulture);
            }

            if (key.MaxBudget is { } max)
            {
                headers["x-litellm-key-max-budget"] = JsonOut.PyFloat(max);
            }
        }
    }

    /// <summary>Spend tags: <c>metadata.tags</c>, top-level <c>tags</c> and the <c>x-litellm-tags</c> header.</summary>
    private static List<string> Tags(HttpContext context, JsonObject body)
    {
        var tags = JsonRead.Strings((body["metadata"] as JsonObject)?["tags"]);
        tags.AddRange(JsonRead.Strings(body["tags"]));
        if (context.Request.Headers.TryGetValue("x-litellm-tags", out var header))
        {
            tags.AddRange(header.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        return tags.Distinct().ToList();
    }
}
