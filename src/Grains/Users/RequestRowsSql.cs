using System.Globalization;
using System.Text;

namespace OneAIHub.Grains.Users;

/// <summary>
/// Builds multi-row INSERTs of request records as plain SQL text. A busy user's flush carries a thousand
/// rows; as named parameters that is 17,000 of them for the driver to parse and bind, which profiled as
/// the largest part of a flush's CPU. Values are written as literals that cannot break out of the
/// statement whatever they contain: strings as utf8mb4 hex literals, numbers and times in invariant
/// formats, and the only other values are NULL and 0/1.
/// </summary>
internal static class RequestRowsSql
{
    private const string Insert = """
        INSERT INTO requests (id, request_id, user_id, api_key_id, model_id, model_name, endpoint, input_tokens, output_tokens,
                              input_cost, output_cost, total_cost, status_code, error_type, latency_ms, streamed, created_at) VALUES
        """;

    public static string Build(IReadOnlyList<RequestRecord> rows)
    {
        var sql = new StringBuilder(Insert, Insert.Length + rows.Count * 420);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            sql.Append(i == 0 ? "\n(" : ",\n(");
            Text(sql, r.Id).Append(',');
            Text(sql, r.RequestId).Append(',');
            Text(sql, r.UserId).Append(',');
            Text(sql, r.ApiKeyId).Append(',');
            Text(sql, r.ModelId).Append(',');
            Text(sql, r.ModelName).Append(',');
            Text(sql, r.Endpoint).Append(',');
            sql.Append(CultureInfo.InvariantCulture, $"{r.InputTokens},{r.OutputTokens},{r.InputCost},{r.OutputCost},{r.TotalCost},{r.StatusCode},");
            Text(sql, r.ErrorType).Append(',');
            sql.Append(CultureInfo.InvariantCulture, $"{r.LatencyMs},{(r.Streamed ? 1 : 0)},'{r.CreatedAt:yyyy-MM-dd HH:mm:ss.ffffff}')");
        }
        return sql.ToString();
    }

    private static StringBuilder Text(StringBuilder sql, string? value)
    {
        if (value is null) return sql.Append("NULL");
        if (value.Length == 0) return sql.Append("''");
        return sql.Append("_utf8mb4 X'").Append(Convert.ToHexString(Encoding.UTF8.GetBytes(value))).Append('\'');
    }
}
