using System.Globalization;
using System.Text;
using OneAIHub.Grains.Interfaces.Requests;

namespace OneAIHub.WebApi.Requests;

/// <summary>
/// Writes a user's filtered history as CSV page by page, flushing each page, so an export of any size never
/// sits in memory. Text cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
/// </summary>
public sealed class RequestCsvResult(IRequestHistoryGrain history, string userId, RequestQuery query, string fileName) : IResult
{
    public const int PageSize = 1000;

    private static readonly string[] Columns =
    [
        "id", "requestId", "createdAt", "model", "modelId", "keyId", "keyName", "endpoint", "inputTokens", "outputTokens",
        "inputCost", "outputCost", "totalCost", "statusCode", "status", "latencyMs", "streamed",
    ];

    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        var cancellationToken = context.RequestAborted;
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false), bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteLineAsync(string.Join(',', Columns));

        var page = query;
        while (!cancellationToken.IsCancellationRequested)
        {
            var result = await history.QueryAsync(userId, page);
            foreach (var row in result.Items) await writer.WriteLineAsync(Line(RequestRowDto.From(row)));
            await writer.FlushAsync(cancellationToken);
            if (result.Next is null) break;
            page = page with { After = result.Next };
        }
    }

    private static string Line(RequestRowDto r) => string.Join(',',
        Text(r.Id), Text(r.RequestId), Text(r.CreatedAt.ToString("O", CultureInfo.InvariantCulture)), Text(r.Model), Text(r.ModelId),
        Text(r.KeyId), Text(r.KeyName), Text(r.Endpoint), Number(r.InputTokens), Number(r.OutputTokens), Number(r.InputCost),
        Number(r.OutputCost), Number(r.TotalCost), Number(r.StatusCode), Text(r.Status), Number(r.LatencyMs),
        r.Streamed ? "true" : "false");

    private static string Number(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);

    private static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
