using OneAIHub.Grains.Interfaces.Requests;

namespace OneAIHub.WebApi.Requests;

/// <summary>The query string of <c>/api/requests</c> and its export, read as text so bad values get field errors.</summary>
public sealed record RequestFilterQuery(string? Model, string? KeyId, string? From, string? To, string? Cursor, string? Limit);

public sealed record RequestRowDto(
    string Id, string RequestId, DateTime CreatedAt, string Model, string? ModelId, string? KeyId, string? KeyName, string Endpoint,
    int InputTokens, int OutputTokens, decimal InputCost, decimal OutputCost, decimal TotalCost, int StatusCode, string Status,
    int LatencyMs, bool Streamed)
{
    public static RequestRowDto From(RequestEntry e) => new(e.Id, e.RequestId, e.CreatedAt, e.Model, e.ModelId, e.ApiKeyId, e.KeyName,
        e.Endpoint, e.InputTokens, e.OutputTokens, e.InputCost, e.OutputCost, e.TotalCost, e.StatusCode, StatusText(e), e.LatencyMs, e.Streamed);

    /// <summary>"success" for a 2xx answer, else what went wrong (the recorded error type).</summary>
    private static string StatusText(RequestEntry e) => e.StatusCode is >= 200 and < 300 ? "success" : e.ErrorType ?? "error";
}

public sealed record RequestPageDto(IReadOnlyList<RequestRowDto> Items, string? NextCursor, RequestTotals Totals);
