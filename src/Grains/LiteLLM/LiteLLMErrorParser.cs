using System.Net;
using System.Text.Json;

namespace OneAIHub.Grains.LiteLLM;

/// <summary>
/// Turns LiteLLM's error bodies into <see cref="LiteLLMException"/>: the ProxyException shape
/// <c>{"error":{"message","type","param","code"}}</c>, the FastAPI shape <c>{"detail": string | object}</c> and the
/// validation shape <c>{"detail":[{"type","loc","msg"}]}</c>.
/// </summary>
internal static class LiteLLMErrorParser
{
    private const int MaxBodyInMessage = 500;

    public static LiteLLMException FromResponse(HttpStatusCode status, string body, string path)
    {
        var (message, type, code, param) = Parse(body);
        return new LiteLLMException(LiteLLMErrorKind.ErrorResponse, message ?? Fallback(status, body))
        {
            StatusCode = status,
            ErrorType = type,
            ErrorCode = code,
            Param = param,
            ResponseBody = body,
            Path = path,
        };
    }

    private static (string? Message, string? Type, string? Code, string? Param) Parse(string body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return (null, null, null, null);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null, null, null);
            }

            if (root.TryGetProperty("error", out var error))
            {
                return error.ValueKind == JsonValueKind.Object
                    ? (Text(error, "message"), Meaningful(Text(error, "type")), Text(error, "code"), Meaningful(Text(error, "param")))
                    : (AsText(error), null, null, null);
            }

            if (root.TryGetProperty("detail", out var detail))
            {
                return detail.ValueKind switch
                {
                    JsonValueKind.Array => Validation(detail),
                    JsonValueKind.Object when detail.TryGetProperty("error", out var inner) => (AsText(inner), null, null, null),
                    _ => (AsText(detail), null, null, null),
                };
            }

            return (null, null, null, null);
        }
    }

    /// <summary>FastAPI 422: every item's <c>loc: msg</c>; type and param from the first item.</summary>
    private static (string?, string?, string?, string?) Validation(JsonElement items)
    {
        var parts = new List<string>();
        string? type = null, param = null;
        foreach (var item in items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
        {
            var loc = item.TryGetProperty("loc", out var l) && l.ValueKind == JsonValueKind.Array
                ? l.EnumerateArray().Select(AsText).Where(s => s is not null && s != "body").ToList()
                : [];
            type ??= Text(item, "type");
            param ??= loc.LastOrDefault();
            var msg = Text(item, "msg") ?? "invalid";
            parts.Add(loc.Count > 0 ? $"{string.Join('.', loc)}: {msg}" : msg);
        }

        return (parts.Count > 0 ? string.Join("; ", parts) : null, type, null, param);
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) ? AsText(value) : null;

    private static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    /// <summary>LiteLLM writes a missing type/param as the string <c>"None"</c>.</summary>
    private static string? Meaningful(string? value) => value is null or "None" or "" ? null : value;

    private static string Fallback(HttpStatusCode status, string body)
    {
        var text = body.Length > MaxBodyInMessage ? body[..MaxBodyInMessage] + "…" : body;
        return string.IsNullOrWhiteSpace(text) ? $"LiteLLM answered HTTP {(int)status} ({status})." : $"LiteLLM answered HTTP {(int)status}: {text}";
    }
}
