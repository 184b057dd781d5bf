using Dapper;
using MySqlConnector;
using OneAIHub.Grains.Interfaces.Requests;
using Orleans.Concurrency;

namespace OneAIHub.Grains.Requests;

/// <summary>
/// A user's requests, newest first, by keyset paging over <c>ix_requests_user_time (user_id, created_at, id)</c>:
/// each page starts strictly after the last row of the previous one, so paging stays fast deep in the history.
/// </summary>
[StatelessWorker]
[GrainType("request-history")]
public sealed class RequestHistoryGrain(MySqlDataSource dataSource) : Grain, IRequestHistoryGrain
{
    private const string Filters = """
        r.user_id = @userId
        AND (@model IS NULL OR r.model_name = @model OR r.model_id = @model)
        AND (@keyId IS NULL OR r.api_key_id = @keyId)
        AND (@from IS NULL OR r.created_at >= @from)
        AND (@to IS NULL OR r.created_at <= @to)
        """;

    public async Task<RequestPage> QueryAsync(string userId, RequestQuery query)
    {
        var parameters = new
        {
            userId, model = query.Model, keyId = query.ApiKeyId, from = query.From, to = query.To,
            afterTime = query.After?.CreatedAt, afterId = query.After?.Id, take = query.Limit + 1,
        };
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = (await connection.QueryAsync<RequestEntryRow>($"""
            SELECT r.id, r.request_id, r.created_at, r.model_name, r.model_id, r.api_key_id, k.name AS key_name, r.endpoint,
                   r.input_tokens, r.output_tokens, r.input_cost, r.output_cost, r.total_cost, r.status_code, r.error_type,
                   r.latency_ms, r.streamed
              FROM requests r FORCE INDEX (ix_requests_user_time)
              LEFT JOIN api_keys k ON k.id = r.api_key_id
             WHERE {Filters}
               AND (@afterTime IS NULL OR r.created_at < @afterTime OR (r.created_at = @afterTime AND r.id < @afterId))
             ORDER BY r.created_at DESC, r.id DESC
             LIMIT @take
            """, parameters)).AsList();

        var items = rows.Take(query.Limit).Select(ToEntry).ToList();
        var next = rows.Count > query.Limit ? new RequestCursor(items[^1].CreatedAt, items[^1].Id) : null;
        var totals = query.IncludeTotals
            ? await connection.QuerySingleAsync<RequestTotals>($"""
                SELECT COUNT(*) AS Requests, CAST(COALESCE(SUM(r.input_tokens), 0) AS SIGNED) AS InputTokens,
                       CAST(COALESCE(SUM(r.output_tokens), 0) AS SIGNED) AS OutputTokens, COALESCE(SUM(r.input_cost), 0) AS InputCost,
                       COALESCE(SUM(r.output_cost), 0) AS OutputCost, COALESCE(SUM(r.total_cost), 0) AS TotalCost
                  FROM requests r WHERE {Filters}
                """, parameters)
            : null;
        return new RequestPage(items, next, totals);
    }

    private static RequestEntry ToEntry(RequestEntryRow r) => new(r.id, r.request_id, DateTime.SpecifyKind(r.created_at, DateTimeKind.Utc),
        r.model_name, r.model_id, r.api_key_id, r.key_name, r.endpoint, r.input_tokens, r.output_tokens, r.input_cost, r.output_cost,
        r.total_cost, r.status_code, r.error_type, r.latency_ms, r.streamed);

#pragma warning disable IDE1006 // Dapper maps the snake_case columns by name.
    private sealed record RequestEntryRow
    {
        public string id { get; init; } = "";
        public string request_id { get; init; } = "";
        public DateTime created_at { get; init; }
        public string model_name { get; init; } = "";
        public string? model_id { get; init; }
        public string? api_key_id { get; init; }
        public string? key_name { get; init; }
        public string endpoint { get; init; } = "";
        public int input_tokens { get; init; }
        public int output_tokens { get; init; }
        public decimal input_cost { get; init; }
        public decimal output_cost { get; init; }
        public decimal total_cost { get; init; }
        public int status_code { get; init; }
        public string? error_type { get; init; }
        public int latency_ms { get; init; }
        public bool streamed { get; init; }
    }
#pragma warning restore IDE1006
}
