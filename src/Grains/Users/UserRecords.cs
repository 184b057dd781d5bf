namespace OneAIHub.Grains.Users;

#pragma warning disable IDE1006 // Dapper maps the snake_case columns by name.
/// <summary>A user's row joined with their limits and spendings.</summary>
public sealed record UserRow
{
    public string id { get; init; } = "";
    public string email { get; init; } = "";
    public string password_hash { get; init; } = "";
    public string? display_name { get; init; }
    public string tier_id { get; init; } = "";
    public string role { get; init; } = "";
    public string status { get; init; } = "";
    public DateTime? free_tier_requested_at { get; init; }
    public DateTime created_at { get; init; }
    public DateTime updated_at { get; init; }
    public decimal balance { get; init; }
    public decimal total_spent { get; init; }
    public long? monthly_token_limit { get; init; }
    public long monthly_tokens_used { get; init; }
    public string? usage_month { get; init; }
}

public sealed record ApiKeyRow
{
    public string id { get; init; } = "";
    public string key_hash { get; init; } = "";
    public string key_prefix { get; init; } = "";
    public string? external_id { get; init; }
    public string? external_key { get; init; }
    public string name { get; init; } = "";
    public string? models { get; init; }
    public DateTime created_at { get; init; }
    public DateTime? expires_at { get; init; }
    public DateTime? revoked_at { get; init; }
    public DateTime? last_used_at { get; init; }
}

public sealed record BudgetRow
{
    public string id { get; init; } = "";
    public string scope { get; init; } = "";
    public string? api_key_id { get; init; }
    public decimal max_budget { get; init; }
    public decimal spend { get; init; }
    public string budget_duration { get; init; } = "";
    public DateTime period_start { get; init; }
    public DateTime reset_at { get; init; }
    public string? external_id { get; init; }
}
#pragma warning restore IDE1006

/// <summary>One finished request, waiting in memory for the next flush to MySQL.</summary>
public sealed record RequestRecord(
    string Id, string RequestId, string UserId, string? ApiKeyId, string? ModelId, string ModelName, string Endpoint,
    int InputTokens, int OutputTokens, decimal InputCost, decimal OutputCost, decimal TotalCost, int StatusCode,
    string? ErrorType, int LatencyMs, bool Streamed, DateTime CreatedAt);

/// <summary>
/// A batch of records and the money and token totals they move, written in one transaction.
/// <paramref name="MayHaveLanded"/>: an earlier attempt with some of these records failed, perhaps after committing.
/// </summary>
public sealed record ChargeBatch(
    IReadOnlyList<RequestRecord> Records, long Tokens, string UsageMonth,
    IReadOnlyList<BudgetRow> Budgets, IReadOnlyDictionary<string, DateTime> KeysLastUsed, bool MayHaveLanded);
