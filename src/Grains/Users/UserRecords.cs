namespace OneAIHub.Grains.Users;

#pragma warning disable IDE1006 // Dapper maps the snake_case columns by name.
/// <summary>A user's row joined with their limits and spendings.</summary>
public sealed record UserRow(string id, string email, string password_hash, string? display_name, string tier_id,
    string role, string status, DateTime? free_tier_requested_at, DateTime created_at, DateTime updated_at,
    decimal balance, decimal total_spent, long? monthly_token_limit, long monthly_tokens_used, string? usage_month);

public sealed record ApiKeyRow(string id, string key_hash, string key_prefix, string? external_id, string? external_key,
    string name, string? models, DateTime created_at, DateTime? expires_at, DateTime? revoked_at, DateTime? last_used_at);

public sealed record BudgetRow(string id, string scope, string? api_key_id, decimal max_budget, decimal spend,
    string budget_duration, DateTime period_start, DateTime reset_at, string? external_id);
#pragma warning restore IDE1006

/// <summary>One finished request, waiting in memory for the next flush to MySQL.</summary>
public sealed record RequestRecord(
    string Id, string RequestId, string UserId, string? ApiKeyId, string? ModelId, string ModelName, string Endpoint,
    int InputTokens, int OutputTokens, decimal InputCost, decimal OutputCost, decimal TotalCost, int StatusCode,
    string? ErrorType, int LatencyMs, bool Streamed, DateTime CreatedAt);

/// <summary>A batch of records and the money and token totals they move, written in one transaction.</summary>
public sealed record ChargeBatch(
    IReadOnlyList<RequestRecord> Records, decimal Charged, long Tokens, string UsageMonth,
    IReadOnlyList<BudgetRow> Budgets, IReadOnlyDictionary<string, DateTime> KeysLastUsed);
