using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OneAIHub.Tests.LiteLLMStandin.Http;

namespace OneAIHub.Tests.LiteLLMStandin.State;

/// <summary>
/// A <c>LiteLLM_VerificationToken</c> row. Non-time columns live in <see cref="Fields"/> under LiteLLM's names,
/// exactly as they will be rendered; the stand-in reads the ones it enforces through the typed accessors.
/// </summary>
internal sealed class VirtualKey
{
    public required string Token { get; init; }

    public required string KeyName { get; init; }

    public JsonObject Fields { get; } = [];

    public DateTimeOffset? Expires { get; set; }

    public DateTimeOffset? BudgetResetAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    public DateTimeOffset? LastActive { get; set; }

    public string? KeyAlias => JsonRead.String(Fields["key_alias"]);

    public double Spend
    {
        get => JsonRead.Double(Fields["spend"]) ?? 0d;
        set => Fields["spend"] = JsonOut.Float(value);
    }

    public double? MaxBudget => JsonRead.Double(Fields["max_budget"]);

    public List<string> Models => JsonRead.Strings(Fields["models"]);

    public bool Blocked => JsonRead.Bool(Fields["blocked"]) == true;

    public string? UserId => JsonRead.String(Fields["user_id"]);

    public string? TeamId => JsonRead.String(Fields["team_id"]);

    public string? OrganizationId => JsonRead.String(Fields["organization_id"]);

    public string? BudgetId => JsonRead.String(Fields["budget_id"]);

    public long? RpmLimit => JsonRead.Long(Fields["rpm_limit"]);

    public long? TpmLimit => JsonRead.Long(Fields["tpm_limit"]);

    public JsonObject Metadata => Fields["metadata"] as JsonObject ?? (JsonObject)(Fields["metadata"] = new JsonObject());

    public JsonObject ModelSpend => Fields["model_spend"] as JsonObject ?? (JsonObject)(Fields["model_spend"] = new JsonObject());

    /// <summary><c>hash_token</c>: lowercase hex SHA-256 of the whole key, <c>sk-</c> included.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary><c>abbreviate_api_key</c>: <c>sk-...</c> and the last four characters.</summary>
    public static string Abbreviate(string key) => "sk-..." + (key.Length > 4 ? key[^4..] : key);

    /// <summary>LiteLLM's masking of a received secret in messages: first four, <c>****</c>, last four.</summary>
    public static string Mask(string key) => key.Length <= 8 ? "****" : key[..4] + "****" + key[^4..];

    /// <summary><c>"sk-" + secrets.token_urlsafe(16)</c>.</summary>
    public static string NewSecret() =>
        "sk-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Endpoints accept a raw <c>sk-</c> key (hashed here) or the hash itself.</summary>
    public static string TokenOf(string keyOrHash) => keyOrHash.StartsWith("sk-", StringComparison.Ordinal) ? Hash(keyOrHash) : keyOrHash;
}
