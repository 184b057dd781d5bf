using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneAIHub.Tests.LiteLLMStandin.Http;

/// <summary>Lenient reads of request JSON, whatever CLR type backs a node.</summary>
internal static class JsonRead
{
    public static string? String(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static double? Double(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;

    public static long? Long(JsonNode? node) => Double(node) is { } d ? (long)d : null;

    public static bool? Bool(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public static List<string> Strings(JsonNode? node) =>
        node is JsonArray a ? a.Select(String).OfType<string>().ToList() : [];

    public static bool IsNull(JsonNode? node) => node is null || node.GetValueKind() == JsonValueKind.Null;

    /// <summary>Reads a request body as a JSON object; anything else (empty, invalid, an array) is an empty object, as LiteLLM's tolerant body reader does.</summary>
    public static async Task<JsonObject> BodyAsync(HttpRequest request)
    {
        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return node as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
