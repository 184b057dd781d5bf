using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneAIHub.Grains.LiteLLM;

/// <summary>A <c>LiteLLM_SpendLogs</c> row (<c>GET /spend/logs</c>).</summary>
public sealed record LiteLLMSpendLog
{
    /// <summary>The provider response id (<c>chatcmpl-…</c>) or LiteLLM's call id.</summary>
    public string RequestId { get; init; } = "";

    /// <summary><c>acompletion</c>, <c>aembedding</c>, <c>atext_completion</c>, …</summary>
    public string? CallType { get; init; }

    /// <summary>SHA-256 of the virtual key that made the call.</summary>
    public string? ApiKey { get; init; }

    /// <summary>USD.</summary>
    public decimal Spend { get; init; }

    public long TotalTokens { get; init; }

    public long PromptTokens { get; init; }

    public long CompletionTokens { get; init; }

    [JsonPropertyName("startTime")]
    public DateTimeOffset? StartTime { get; init; }

    [JsonPropertyName("endTime")]
    public DateTimeOffset? EndTime { get; init; }

    [JsonPropertyName("completionStartTime")]
    public DateTimeOffset? CompletionStartTime { get; init; }

    public long? RequestDurationMs { get; init; }

    /// <summary>The provider's model name as LiteLLM saw it.</summary>
    public string? Model { get; init; }

    public string? ModelId { get; init; }

    /// <summary>The public model name the client asked for.</summary>
    public string? ModelGroup { get; init; }

    public string? CustomLlmProvider { get; init; }

    public string? ApiBase { get; init; }

    /// <summary>The key's internal user id (<c>""</c> when none).</summary>
    public string? User { get; init; }

    /// <summary>The request's <c>user</c> (customer).</summary>
    public string? EndUser { get; init; }

    public string? TeamId { get; init; }

    public string? OrganizationId { get; init; }

    /// <summary>An object from the API (a JSON string in raw payloads); kept as sent.</summary>
    public JsonElement? Metadata { get; init; }

    /// <summary>An array from the API (a JSON string in raw payloads); kept as sent, see <see cref="Tags"/>.</summary>
    public JsonElement? RequestTags { get; init; }

    public string? CacheHit { get; init; }

    public string? Status { get; init; }

    public string? SessionId { get; init; }

    public string? RequesterIpAddress { get; init; }

    /// <summary><see cref="RequestTags"/> as strings, whether LiteLLM sent an array or a JSON-encoded array.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Tags => RequestTags switch
    {
        { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToList(),
        { ValueKind: JsonValueKind.String } text => JsonSerializer.Deserialize<List<string>>(text.GetString() ?? "[]") ?? [],
        _ => [],
    };
}

/// <summary>Filters of <c>GET /spend/logs</c>; with dates the client asks for rows (<c>summarize=false</c>).</summary>
public sealed record LiteLLMSpendLogQuery
{
    /// <summary>A raw <c>sk-</c> key or its hash (with a date range LiteLLM only matches the hash).</summary>
    public string? ApiKey { get; init; }

    public string? UserId { get; init; }

    public string? RequestId { get; init; }

    public DateOnly? StartDate { get; init; }

    public DateOnly? EndDate { get; init; }
}

/// <summary>One day of <c>GET /spend/logs?start_date&amp;end_date</c> with <c>summarize=true</c>.</summary>
public sealed record LiteLLMDailySpend
{
    /// <summary>The day, <c>YYYY-MM-DD</c>.</summary>
    [JsonPropertyName("startTime")]
    public string? StartTime { get; init; }

    public decimal Spend { get; init; }

    public Dictionary<string, decimal> Users { get; init; } = [];

    public Dictionary<string, decimal> Models { get; init; } = [];

    /// <summary>The key hashes LiteLLM writes as dynamic property names, and anything else.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    [JsonIgnore]
    public DateOnly? Day => DateOnly.TryParseExact(StartTime, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>Spend per key hash that day.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, decimal> ApiKeys => (Extra ?? [])
        .Where(e => e.Value.ValueKind == JsonValueKind.Number)
        .ToDictionary(e => e.Key, e => e.Value.GetDecimal());
}

/// <summary>Body of <c>POST /spend/calculate</c>: a model and messages (prompt cost) or a completion response.</summary>
public sealed record LiteLLMSpendCalculateRequest
{
    public string? Model { get; init; }

    public IReadOnlyList<LiteLLMChatMessage>? Messages { get; init; }

    public LiteLLMChatCompletion? CompletionResponse { get; init; }
}

internal sealed record LiteLLMSpendCost
{
    public decimal Cost { get; init; }
}

/// <summary>One entry of <c>GET /spend/tags</c>.</summary>
public sealed record LiteLLMSpendTag
{
    public string IndividualRequestTag { get; init; } = "";

    public long LogCount { get; init; }

    public decimal TotalSpend { get; init; }
}

/// <summary>Filters of <c>GET /global/spend/report</c> (enterprise).</summary>
public sealed record LiteLLMSpendReportQuery
{
    public required DateOnly StartDate { get; init; }

    public required DateOnly EndDate { get; init; }

    /// <summary><c>team</c> (default), <c>customer</c> or <c>api_key</c>.</summary>
    public string? GroupBy { get; init; }

    public string? ApiKey { get; init; }

    public string? InternalUserId { get; init; }

    public string? TeamId { get; init; }

    public string? CustomerId { get; init; }
}

/// <summary>
/// One entry of <c>GET /global/spend/report</c>: a day with <see cref="Teams"/> or <see cref="Customers"/>, or (grouped
/// by key) a key with its totals and <see cref="ModelDetails"/>.
/// </summary>
public sealed record LiteLLMSpendReportEntry
{
    public DateTimeOffset? GroupByDay { get; init; }

    public IReadOnlyList<LiteLLMSpendReportGroup>? Teams { get; init; }

    public IReadOnlyList<LiteLLMSpendReportGroup>? Customers { get; init; }

    public string? ApiKey { get; init; }

    public decimal? TotalCost { get; init; }

    public long? TotalInputTokens { get; init; }

    public long? TotalOutputTokens { get; init; }

    public IReadOnlyList<LiteLLMSpendReportModel>? ModelDetails { get; init; }
}

public sealed record LiteLLMSpendReportGroup
{
    public string? TeamName { get; init; }

    public string? Customer { get; init; }

    public decimal TotalSpend { get; init; }

    public IReadOnlyList<LiteLLMSpendReportItem> Metadata { get; init; } = [];
}

public sealed record LiteLLMSpendReportItem
{
    public string? Model { get; init; }

    public string? ApiKey { get; init; }

    public decimal Spend { get; init; }

    public long TotalTokens { get; init; }
}

public sealed record LiteLLMSpendReportModel
{
    public string? Model { get; init; }

    public decimal TotalCost { get; init; }

    public long TotalInputTokens { get; init; }

    public long TotalOutputTokens { get; init; }
}
