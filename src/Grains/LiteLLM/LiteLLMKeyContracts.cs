using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneAIHub.Grains.LiteLLM;

/// <summary><c>POST /key/generate</c>; every field optional (durations are <c>&lt;n&gt;s|m|h|d|w|mo</c>).</summary>
public sealed record LiteLLMGenerateKeyRequest
{
    /// <summary>A caller-chosen secret (must start with <c>sk-</c>); LiteLLM generates one when null.</summary>
    public string? Key { get; init; }

    /// <summary>Unique across keys; <c>^[a-zA-Z0-9][a-zA-Z0-9_\-/\.]{0,253}[a-zA-Z0-9]$</c>.</summary>
    public string? KeyAlias { get; init; }

    public string? Duration { get; init; }

    /// <summary>Model groups the key may call; empty or null means all.</summary>
    public IReadOnlyList<string>? Models { get; init; }

    /// <summary>USD.</summary>
    public decimal? MaxBudget { get; init; }

    public string? BudgetDuration { get; init; }

    public decimal? SoftBudget { get; init; }

    public long? RpmLimit { get; init; }

    public long? TpmLimit { get; init; }

    public long? MaxParallelRequests { get; init; }

    public string? UserId { get; init; }

    public string? TeamId { get; init; }

    public string? OrganizationId { get; init; }

    /// <summary>A budget from <c>/budget/new</c> to attach.</summary>
    public string? BudgetId { get; init; }

    public IReadOnlyDictionary<string, object?>? Metadata { get; init; }

    public IReadOnlyDictionary<string, string>? Aliases { get; init; }

    public IReadOnlyList<string>? AllowedRoutes { get; init; }

    public bool? Blocked { get; init; }
}

/// <summary><c>POST /key/update</c>: <see cref="Key"/> (raw or hash) plus only the fields to change.</summary>
public sealed record LiteLLMUpdateKeyRequest
{
    public required string Key { get; init; }

    public string? KeyAlias { get; init; }

    /// <summary>Recomputes <c>expires</c>; <c>"-1"</c> means never.</summary>
    public string? Duration { get; init; }

    public IReadOnlyList<string>? Models { get; init; }

    public decimal? MaxBudget { get; init; }

    public string? BudgetDuration { get; init; }

    public long? RpmLimit { get; init; }

    public long? TpmLimit { get; init; }

    public long? MaxParallelRequests { get; init; }

    public string? UserId { get; init; }

    public string? TeamId { get; init; }

    public string? BudgetId { get; init; }

    public IReadOnlyDictionary<string, object?>? Metadata { get; init; }

    public bool? Blocked { get; init; }

    /// <summary>Sets the key's recorded spend (USD).</summary>
    public decimal? Spend { get; init; }
}

/// <summary>
/// A <c>LiteLLM_VerificationToken</c> row as <c>/key/info</c> (<c>info</c>), <c>/key/update</c> and full
/// <c>/key/list</c> return it. <see cref="Token"/> is the SHA-256 of the key (absent in <c>/key/info</c>).
/// </summary>
public sealed record LiteLLMKeyRow
{
    /// <summary>Only on <c>/key/update</c>: the key exactly as it was sent.</summary>
    public string? Key { get; init; }

    public string? Token { get; init; }

    /// <summary><c>sk-...</c> plus the last four characters.</summary>
    public string? KeyName { get; init; }

    public string? KeyAlias { get; init; }

    public decimal Spend { get; init; }

    public DateTimeOffset? Expires { get; init; }

    public IReadOnlyList<string> Models { get; init; } = [];

    public string? UserId { get; init; }

    public string? TeamId { get; init; }

    public string? OrganizationId { get; init; }

    public decimal? MaxBudget { get; init; }

    public string? BudgetDuration { get; init; }

    public DateTimeOffset? BudgetResetAt { get; init; }

    public long? TpmLimit { get; init; }

    public long? RpmLimit { get; init; }

    public long? MaxParallelRequests { get; init; }

    public Dictionary<string, JsonElement>? Metadata { get; init; }

    public bool? Blocked { get; init; }

    public string? BudgetId { get; init; }

    /// <summary>Spend per model group (USD).</summary>
    public Dictionary<string, decimal>? ModelSpend { get; init; }

    public IReadOnlyList<string>? AllowedRoutes { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public string? CreatedBy { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public string? UpdatedBy { get; init; }

    public DateTimeOffset? LastActive { get; init; }

    public LiteLLMBudget? LitellmBudgetTable { get; init; }
}

/// <summary><c>GenerateKeyResponse</c>: <see cref="Key"/> is the secret, shown only here.</summary>
public sealed record LiteLLMGeneratedKey
{
    public string Key { get; init; } = "";

    /// <summary>SHA-256 of <see cref="Key"/>: the id LiteLLM uses in spend logs and <c>/key/list</c>.</summary>
    public string Token { get; init; } = "";

    public string? TokenId { get; init; }

    public string? KeyName { get; init; }

    public string? KeyAlias { get; init; }

    public IReadOnlyList<string> Models { get; init; } = [];

    public decimal Spend { get; init; }

    public decimal? MaxBudget { get; init; }

    public string? BudgetDuration { get; init; }

    public string? UserId { get; init; }

    public string? TeamId { get; init; }

    public string? OrganizationId { get; init; }

    public string? BudgetId { get; init; }

    public long? TpmLimit { get; init; }

    public long? RpmLimit { get; init; }

    public Dictionary<string, JsonElement>? Metadata { get; init; }

    public bool? Blocked { get; init; }

    public DateTimeOffset? Expires { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public string? CreatedBy { get; init; }

    public LiteLLMBudget? LitellmBudgetTable { get; init; }
}

/// <summary><c>GET /key/info</c>: the key as sent and its row.</summary>
public sealed record LiteLLMKeyInfo
{
    public string Key { get; init; } = "";

    public LiteLLMKeyRow Info { get; init; } = new();
}

/// <summary>Filters of <c>GET /key/list</c>; <see cref="Page"/> from 1, <see cref="Size"/> 1–100.</summary>
public sealed record LiteLLMKeyListQuery
{
    public int? Page { get; init; }

    public int? Size { get; init; }

    public string? UserId { get; init; }

    public string? TeamId { get; init; }

    public string? OrganizationId { get; init; }

    public string? KeyHash { get; init; }

    public string? KeyAlias { get; init; }

    /// <summary><c>created_at</c> (default), <c>spend</c>, <c>user_id</c>, …</summary>
    public string? SortBy { get; init; }

    /// <summary><c>desc</c> (default) or <c>asc</c>.</summary>
    public string? SortOrder { get; init; }
}

/// <summary>A page of <c>/key/list</c>: key hashes, or rows with <c>return_full_object</c>.</summary>
public sealed record LiteLLMKeyPage<T>
{
    public IReadOnlyList<T> Keys { get; init; } = [];

    public int TotalCount { get; init; }

    public int CurrentPage { get; init; }

    public int TotalPages { get; init; }
}

/// <summary>
/// <c>POST /key/update</c> that removes a key's budget: LiteLLM applies only the fields present, so the
/// nulls must be written (the client leaves nulls out everywhere else).
/// </summary>
internal sealed record LiteLLMClearKeyBudgetRequest(string Key)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public decimal? MaxBudget => null;

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? BudgetDuration => null;
}

/// <summary>Body of <c>POST /key/delete</c>.</summary>
internal sealed record LiteLLMDeleteKeysRequest
{
    public IReadOnlyList<string>? Keys { get; init; }

    public IReadOnlyList<string>? KeyAliases { get; init; }
}

/// <summary>Answer of <c>POST /key/delete</c>: exactly what was sent.</summary>
internal sealed record LiteLLMDeletedKeys
{
    public IReadOnlyList<string> DeletedKeys { get; init; } = [];
}
