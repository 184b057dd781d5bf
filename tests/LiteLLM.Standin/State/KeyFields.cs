using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OneAIHub.Tests.LiteLLMStandin.Http;

namespace OneAIHub.Tests.LiteLLMStandin.State;

/// <summary>Validation and application of <c>/key/generate</c> and <c>/key/update</c> bodies (CONTRACT.md §5.1–5.2).</summary>
internal static partial class KeyFields
{
    /// <summary>Body fields that are not stored as they come.</summary>
    private static readonly HashSet<string> Special =
    [
        "key", "duration", "budget_duration", "soft_budget", "tags", "model_rpm_limit", "model_tpm_limit", "key_type",
        "temp_budget_increase", "temp_budget_expiry", "send_invite_email", "spend",
    ];

    [GeneratedRegex(@"^[a-zA-Z0-9][a-zA-Z0-9_\-/\.]{0,253}[a-zA-Z0-9]$")]
    private static partial Regex AliasPattern();

    /// <summary>The first problem with a body, as (status, message), or null. <paramref name="self"/> is the key being updated.</summary>
    public static (int Status, string Message)? Problem(JsonObject body, KeyStore keys, VirtualKey? self)
    {
        if (JsonRead.Double(body["max_budget"]) is { } budget && budget < 0)
        {
            return (400, JsonOut.PythonDictRepr("error", $"max_budget cannot be negative. Received: {JsonOut.PyFloat(budget)}"));
        }

        if (JsonRead.String(body["key_alias"]) is { } alias)
        {
            if (!AliasPattern().IsMatch(alias))
            {
                return (400, $"Invalid key alias format. key_alias='{alias}' must match ^[a-zA-Z0-9][a-zA-Z0-9_\\-/\\.]{{0,253}}[a-zA-Z0-9]$");
            }

            if (keys.FindByAlias(alias) is { } other && other != self)
            {
                return (400, $"Key with alias '{alias}' already exists. Unique key aliases across all keys are required.");
            }
        }

        foreach (var field in new[] { "duration", "budget_duration" })
        {
            if (JsonRead.String(body[field]) is { } duration && duration != "-1" && !Durations.IsValid(duration))
            {
                return (400, $"Invalid duration format: {duration}. Use <n>s, <n>m, <n>h, <n>d, <n>w or <n>mo.");
            }
        }

        if (body.ContainsKey("temp_budget_increase") != body.ContainsKey("temp_budget_expiry"))
        {
            return (400, "temp_budget_increase and temp_budget_expiry must be set together.");
        }

        return null;
    }

    /// <summary>Stores every field present in <paramref name="body"/> on <paramref name="key"/>.</summary>
    public static void Apply(VirtualKey key, JsonObject body, DateTimeOffset now)
    {
        foreach (var (field, value) in body)
        {
            if (!Special.Contains(field))
            {
                key.Fields[field] = value?.DeepClone();
            }
        }

        foreach (var field in new[] { "max_budget", "soft_budget" })
        {
            if (JsonRead.Double(body[field]) is { } amount)
            {
                key.Fields[field] = JsonOut.Float(amount);
            }
        }

        if (body.ContainsKey("duration"))
        {
            var duration = JsonRead.String(body["duration"]);
            key.Fields["duration"] = duration;
            key.Expires = duration is null or "-1" ? null : Durations.Add(now, duration);
        }

        if (body.ContainsKey("budget_duration"))
        {
            var budgetDuration = JsonRead.String(body["budget_duration"]);
            key.Fields["budget_duration"] = budgetDuration;
            key.BudgetResetAt = Durations.StandardisedReset(now, budgetDuration);
        }

        if (JsonRead.Double(body["spend"]) is { } spend)
        {
            key.Spend = spend;
        }

        if (body.ContainsKey("tags"))
        {
            key.Fields["tags"] = body["tags"]?.DeepClone();
            key.Metadata["tags"] = body["tags"]?.DeepClone();
        }

        foreach (var field in new[] { "model_rpm_limit", "model_tpm_limit", "temp_budget_increase", "temp_budget_expiry" })
        {
            if (body.ContainsKey(field))
            {
                key.Fields[field] = body[field]?.DeepClone();
                key.Metadata[field] = body[field]?.DeepClone();
            }
        }

        if (JsonRead.String(body["key_type"]) is { } keyType && !body.ContainsKey("allowed_routes"))
        {
            key.Fields["allowed_routes"] = keyType switch
            {
                "llm_api" => JsonOut.Strings(["llm_api_routes"]),
                "management" => JsonOut.Strings(["management_routes"]),
                "read_only" => JsonOut.Strings(["info_routes"]),
                _ => new JsonArray(),
            };
        }

        key.UpdatedAt = now;
    }
}
