namespace OneAIHub.Grains.Interfaces.Requests;

/// <summary>Filters and the page position of a history query; the user is given separately.</summary>
[GenerateSerializer, Immutable, Alias("oneaihub.request-query")]
public sealed record RequestQuery(
    [property: Id(0)] string? Model,
    [property: Id(1)] string? ApiKeyId,
    [property: Id(2)] DateTime? From,
    [property: Id(3)] DateTime? To,
    [property: Id(4)] RequestCursor? After,
    [property: Id(5)] int Limit,
    [property: Id(6)] bool IncludeTotals);

/// <summary>One proxied request as the history shows it.</summary>
[GenerateSerializer, Immutable, Alias("oneaihub.request-entry")]
public sealed record RequestEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] string RequestId,
    [property: Id(2)] DateTime CreatedAt,
    [property: Id(3)] string Model,
    [property: Id(4)] string? ModelId,
    [property: Id(5)] string? ApiKeyId,
    [property: Id(6)] string? KeyName,
    [property: Id(7)] string Endpoint,
    [property: Id(8)] int InputTokens,
    [property: Id(9)] int OutputTokens,
    [property: Id(10)] decimal InputCost,
    [property: Id(11)] decimal OutputCost,
    [property: Id(12)] decimal TotalCost,
    [property: Id(13)] int StatusCode,
    [property: Id(14)] string? ErrorType,
    [property: Id(15)] int LatencyMs,
    [property: Id(16)] bool Streamed);

/// <summary>Sums over every request the filters match (not only the page).</summary>
[GenerateSerializer, Immutable, Alias("oneaihub.request-totals")]
public sealed record RequestTotals(
    [property: Id(0)] long Requests,
    [property: Id(1)] long InputTokens,
    [property: Id(2)] long OutputTokens,
    [property: Id(3)] decimal InputCost,
    [property: Id(4)] decimal OutputCost,
    [property: Id(5)] decimal TotalCost);

[GenerateSerializer, Immutable, Alias("oneaihub.request-page")]
public sealed record RequestPage(
    [property: Id(0)] IReadOnlyList<RequestEntry> Items,
    [property: Id(1)] RequestCursor? Next,
    [property: Id(2)] RequestTotals? Totals);
