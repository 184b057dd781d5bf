using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneAIHub.Grains.LiteLLM;

/// <summary>
/// JSON as LiteLLM speaks it: snake_case names, nulls left out of requests, and lenient reads (unknown fields ignored,
/// integers written as floats such as <c>128000.0</c>, numbers as strings, datetimes with any of LiteLLM's suffixes).
/// </summary>
public static class LiteLLMJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
        };
        options.Converters.Add(new LenientInt64Converter());
        options.Converters.Add(new LenientDecimalConverter());
        options.Converters.Add(new LenientDateTimeOffsetConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Reads <c>16384</c>, <c>16384.0</c> and <c>"16384"</c>.</summary>
    private sealed class LenientInt64Converter : JsonConverter<long>
    {
        public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number)
            {
                return reader.TryGetInt64(out var whole) ? whole : checked((long)reader.GetDouble());
            }

            if (reader.TokenType == JsonTokenType.String
                && double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                return checked((long)parsed);
            }

            throw new JsonException($"Expected an integer, got {reader.TokenType}.");
        }

        public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    /// <summary>Reads decimals, falling back to double for numbers <see cref="decimal"/> cannot parse directly.</summary>
    private sealed class LenientDecimalConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number)
            {
                return reader.TryGetDecimal(out var exact) ? exact : (decimal)reader.GetDouble();
            }

            if (reader.TokenType == JsonTokenType.String
                && decimal.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }

            throw new JsonException($"Expected a number, got {reader.TokenType}.");
        }

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    /// <summary>Reads <c>…Z</c>, <c>…+00:00</c>, naive (taken as UTC) and space-separated datetimes.</summary>
    private sealed class LenientDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value)
                ? value
                : throw new JsonException($"Not a datetime: {text}");
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
    }
}
