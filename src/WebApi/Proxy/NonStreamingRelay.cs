using System.Text.Json;

namespace OneAIHub.WebApi.Proxy;

/// <summary>Relays a whole (non-stream) upstream answer and reads its usage.</summary>
public static class NonStreamingRelay
{
    public static async Task<RelayResult> RelayAsync(HttpContext context, HttpResponseMessage upstream, CancellationToken cancellationToken)
    {
        var status = (int)upstream.StatusCode;
        var body = await upstream.Content.ReadAsByteArrayAsync(cancellationToken);
        if (status >= 500)
        {
            await OpenAIErrors.WriteAsync(context, StatusCodes.Status502BadGateway,
                $"The upstream model provider failed ({status}): {UpstreamMessage(body) ?? "no details"}", "upstream_error", "upstream_error");
            return new RelayResult(StatusCodes.Status502BadGateway, null, null, true, false, "upstream_error");
        }

        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = upstream.Content.Headers.ContentType?.ToString() ?? "application/json";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
        var succeeded = status is >= 200 and < 300;
        return new RelayResult(status, succeeded ? Usage.Read(body) : null, null, false, false,
            succeeded ? null : $"upstream_{status}");
    }

    /// <summary>The message of an upstream error body in any of LiteLLM's error shapes.</summary>
    public static string? UpstreamMessage(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.TryGetProperty("error", out var error))
                return error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message)
                    ? message.ToString()
                    : error.ToString();
            if (root.TryGetProperty("detail", out var detail)) return detail.ToString();
        }
        catch (JsonException)
        {
        }
        return null;
    }
}
