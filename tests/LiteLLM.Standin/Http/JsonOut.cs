using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneAIHub.Tests.LiteLLMStandin.Http;

/// <summary>Writing JSON the way LiteLLM's Python serialisers do.</summary>
internal static class JsonOut
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Ok(JsonNode? body, int status = StatusCodes.Status200OK) =>
        Results.Content(body is null ? "null" : Compact(body), "application/json", null, status);

    public static string Compact(JsonNode node) => node.ToJsonString(Options);

    /// <summary>A Python float: integral values keep their ".0" (e.g. <c>128000.0</c>, <c>0.0</c>).</summary>
    public static JsonNode? Float(double? value) => value is { } v ? JsonNode.Parse(PyFloat(v)) : null;

    /// <summary>Python's <c>repr()</c> of a float, as LiteLLM writes numbers into messages and JSON.</summary>
    public static string PyFloat(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return double.IsFinite(value) && value == Math.Floor(value) && !text.Contains('E', StringComparison.OrdinalIgnoreCase)
            ? text + ".0"
            : text.Replace("E", "e", StringComparison.Ordinal);
    }

    /// <summary>Pydantic model serialisation: <c>2025-06-09T11:41:26.034000Z</c>.</summary>
    public static string? PydanticTime(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Python <c>datetime.isoformat()</c> of an aware UTC datetime: <c>2026-06-04T00:00:00+00:00</c>.</summary>
    public static string? IsoTime(DateTimeOffset? value)
    {
        if (value is not { } v)
        {
            return null;
        }

        var utc = v.UtcDateTime;
        var format = utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.ffffff";
        return utc.ToString(format, CultureInfo.InvariantCulture) + "+00:00";
    }

    /// <summary>Python <c>datetime.isoformat()</c> of a naive datetime (no offset).</summary>
    public static string NaiveIsoTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    public static JsonNode? Clone(JsonNode? node) => node?.DeepClone();

    /// <summary>Python's <c>repr()</c> of a one-entry dict holding a string, as LiteLLM puts in messages.</summary>
    public static string PythonDictRepr(string key, string value) => "{'" + key + "': '" + value.Replace("'", "\\'", StringComparison.Ordinal) + "'}";
}
