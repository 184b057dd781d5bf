using System.Globalization;
using System.Text.Json.Nodes;
using OneAIHub.Tests.LiteLLMStandin.Auth;
using OneAIHub.Tests.LiteLLMStandin.Http;
using OneAIHub.Tests.LiteLLMStandin.State;

namespace OneAIHub.Tests.LiteLLMStandin.Llm;

/// <summary>An LLM call that passed auth, model access, budget, rate limits and routing.</summary>
internal sealed record LlmAdmission(Caller Caller, StandinModel Deployment, string ModelGroup, DateTimeOffset StartedAt, string CallId);

/// <summary>The checks LiteLLM runs before an LLM call (CONTRACT.md §2.4, §4.1, §11), in its order.</summary>
internal static class LlmGate
{
    /// <summary>The admitted call, or a <see cref="LiteLLMErrorException"/> with the error LiteLLM would answer.</summary>
    public static LlmAdmission Admit(HttpContext context, StandinState state, JsonObject body, string route, string? pathModel)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var caller = Authenticator.Require(context, state);

        var requested = pathModel ?? JsonRead.String(body["model"]);
        if (caller.Key is { } key)
        {
            lock (state.Gate)
            {
                if (requested is not null && key.Fields["aliases"] is JsonObject aliases && JsonRead.String(aliases[requested]) is { } alias)
                {
                    requested = alias;
                }

                if ((ModelDenied(key, requested) ?? BudgetExceeded(state, key) ?? RateLimited(state, key, startedAt, context.Response)) is { } refused)
                {
                    throw new LiteLLMErrorException(refused);
                }
            }
        }

        var deployment = requested is null ? null : state.Models.FindGroup(requested);
        if (deployment is null)
        {
            throw new LiteLLMErrorException(LiteLLMErrors.Proxy(
                StatusCodes.Status400BadRequest,
                JsonOut.PythonDictRepr("error", $"{route}: Invalid model name passed in model={requested ?? "None"}. Call `/v1/models` to view available models for your key.")));
        }

        return new LlmAdmission(caller, deployment, requested!, startedAt, Guid.NewGuid().ToString());
    }

    private static IResult? ModelDenied(VirtualKey key, string? requested)
    {
        var allowed = key.Models;
        if (allowed.Count == 0 || allowed.Contains("all-proxy-models") || (requested is not null && allowed.Contains(requested)))
        {
            return null;
        }

        var list = "[" + string.Join(", ", allowed.Select(m => "'" + m + "'")) + "]";
        return LiteLLMErrors.Proxy(
            StatusCodes.Status401Unauthorized,
            $"key not allowed to access model. This key can only access models={list}. Tried to access {requested}",
            "key_model_access_denied",
            "model");
    }

    private static IResult? BudgetExceeded(StandinState state, VirtualKey key)
    {
        var max = key.MaxBudget ?? state.Budgets.Find(key.BudgetId)?.MaxBudget;
        if (max is not { } limit || key.Spend < limit)
        {
            return null;
        }

        return LiteLLMErrors.Proxy(
            state.BudgetExceededStatus,
            $"Budget has been exceeded! Current cost: {JsonOut.PyFloat(key.Spend)}, Max budget: {JsonOut.PyFloat(limit)}",
            "budget_exceeded",
            null);
    }

    /// <summary>The v3 limiter's per-key requests/tokens check over a one-minute window; counts the request when admitted.</summary>
    private static IResult? RateLimited(StandinState state, VirtualKey key, DateTimeOffset now, HttpResponse response)
    {
        var window = state.Keys.Window(key.Token, now);
        var (type, limit) = key.RpmLimit is { } rpm && window.Requests >= rpm ? ("requests", rpm)
            : key.TpmLimit is { } tpm && window.Tokens >= tpm ? ("tokens", tpm)
            : (null, 0L);
        if (type is not null)
        {
            var resetAt = window.ResetsAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
            response.Headers["retry-after"] = "60";
            response.Headers["rate_limit_type"] = type;
            response.Headers["reset_at"] = resetAt;
            return LiteLLMErrors.Proxy(
                StatusCodes.Status429TooManyRequests,
                $"Rate limit exceeded for api_key: {key.Token}. Limit type: {type}. Current limit: {limit}, Remaining: 0. Limit resets at: {resetAt}");
        }

        window.Requests++;
        if (key.RpmLimit is { } requests)
        {
            response.Headers["x-ratelimit-api_key-limit-requests"] = requests.ToString(CultureInfo.InvariantCulture);
            response.Headers["x-ratelimit-api_key-remaining-requests"] = Math.Max(0, requests - window.Requests).ToString(CultureInfo.InvariantCulture);
        }

        if (key.TpmLimit is { } tokens)
        {
            response.Headers["x-ratelimit-api_key-limit-tokens"] = tokens.ToString(CultureInfo.InvariantCulture);
            response.Headers["x-ratelimit-api_key-remaining-tokens"] = Math.Max(0, tokens - window.Tokens).ToString(CultureInfo.InvariantCulture);
        }

        return null;
    }
}
