using System.Text;
using System.Text.Json;

namespace OneAIHub.WebApi.Proxy;

/// <summary>Token usage as an upstream reported it.</summary>
public readonly record struct Usage(int InputTokens, int OutputTokens)
{
    /// <summary>Reads <c>usage.prompt_tokens</c> and <c>usage.completion_tokens</c> of a response or chunk; null when absent.</summary>
    public static Usage? Read(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                if (reader.TokenType != JsonTokenType.PropertyName) continue;
                var isUsage = reader.ValueTextEquals("usage"u8);
                reader.Read();
                if (isUsage && reader.TokenType == JsonTokenType.StartObject) return ReadUsageObject(ref reader);
                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }
        return null;
    }

    private static Usage ReadUsageObject(ref Utf8JsonReader reader)
    {
        int input = 0, output = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.TokenType != JsonTokenType.PropertyName) continue;
            var name = reader.ValueTextEquals("prompt_tokens"u8) ? 1 : reader.ValueTextEquals("completion_tokens"u8) ? 2 : 0;
            reader.Read();
            if (name == 1 && reader.TokenType == JsonTokenType.Number) input = reader.GetInt32();
            else if (name == 2 && reader.TokenType == JsonTokenType.Number) output = reader.GetInt32();
            else reader.Skip();
        }
        return new Usage(input, output);
    }

    /// <summary>Appends the generated text of a stream chunk (<c>content</c> or <c>text</c> strings) for counting.</summary>
    public static void AppendGeneratedText(ReadOnlySpan<byte> json, StringBuilder text)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName) continue;
                var generated = reader.ValueTextEquals("content"u8) || reader.ValueTextEquals("text"u8)
                    || reader.ValueTextEquals("reasoning_content"u8);
                reader.Read();
                if (generated && reader.TokenType == JsonTokenType.String) text.Append(reader.GetString());
            }
        }
        catch (JsonException)
        {
        }
    }
}
