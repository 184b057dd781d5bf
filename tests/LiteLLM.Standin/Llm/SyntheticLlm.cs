using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OneAIHub.Tests.LiteLLMStandin.Http;

namespace OneAIHub.Tests.LiteLLMStandin.Llm;

/// <summary>
/// The stand-in's deterministic "model". Rules (documented in README.md):
/// a token is a whitespace-separated word; a chat prompt costs 3 tokens per message plus its words, plus 3;
/// the reply is <c>"Echo: "</c> followed by the first 24 words of the last user message (or <c>mock_response</c>),
/// cut to <c>max_tokens</c> words (then <c>finish_reason</c> is <c>length</c>); completion tokens = words in the reply;
/// an embedding is a unit vector derived from SHA-256 of its input.
/// </summary>
internal static class SyntheticLlm
{
    private const int MaxEchoWords = 24;

    public static int Words(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 0 : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>Text of a message <c>content</c>: a string, or the <c>text</c> of its text parts.</summary>
    public static string ContentText(JsonNode? content) => content switch
    {
        JsonArray parts => string.Join(' ', parts.OfType<JsonObject>().Select(p => JsonRead.String(p["text"])).OfType<string>()),
        _ => JsonRead.String(content) ?? "",
    };

    public static int ChatPromptTokens(JsonArray messages) =>
        messages.OfType<JsonObject>().Sum(m => 3 + Words(ContentText(m["content"]))) + 3;

    public static string LastUserText(JsonArray messages)
    {
        var all = messages.OfType<JsonObject>().ToList();
        var user = all.LastOrDefault(m => JsonRead.String(m["role"]) == "user") ?? all.LastOrDefault();
        return user is null ? "" : ContentText(user["content"]);
    }

    /// <summary>The reply to a prompt, its token count and finish reason.</summary>
    public static Reply Answer(string prompt, long? maxTokens, string? mockResponse)
    {
        var words = mockResponse is not null
            ? mockResponse.Split(' ').ToList()
            : ["Echo:", .. PromptWords(prompt)];
        var finish = "stop";
        if (maxTokens is { } max && max >= 0 && words.Count > max)
        {
            words = words.Take((int)max).ToList();
            finish = "length";
        }

        var text = string.Join(' ', words);
        return new Reply(text, Words(text), finish);
    }

    /// <summary>The reply split into stream pieces (one word each, spaces kept) whose concatenation is the reply.</summary>
    public static IReadOnlyList<string> Pieces(string text)
    {
        var words = text.Split(' ');
        return words.Select((w, i) => i < words.Length - 1 ? w + " " : w).Where(p => p.Length > 0).ToList();
    }

    /// <summary>A deterministic unit vector of <paramref name="dimensions"/> floats for <paramref name="input"/>.</summary>
    public static float[] Embedding(string input, int dimensions)
    {
        var values = new float[dimensions];
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes(input));
        Span<byte> block = stackalloc byte[32];
        Span<byte> counterInput = stackalloc byte[36];
        seed.CopyTo(counterInput);
        for (var i = 0; i < dimensions; i += 8)
        {
            BinaryPrimitives.WriteInt32LittleEndian(counterInput[32..], i);
            SHA256.HashData(counterInput, block);
            for (var j = 0; j < 8 && i + j < dimensions; j++)
            {
                var raw = BinaryPrimitives.ReadUInt32LittleEndian(block[(j * 4)..]);
                values[i + j] = (float)((raw / (double)uint.MaxValue * 2d) - 1d);
            }
        }

        var norm = (float)Math.Sqrt(values.Sum(v => (double)v * v));
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = norm == 0 ? 0 : MathF.Round(values[i] / norm, 6);
        }

        return values;
    }

    private static IEnumerable<string> PromptWords(string prompt)
    {
        var words = prompt.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? ["(empty)"] : words.Take(MaxEchoWords);
    }
}

/// <summary>A synthetic reply.</summary>
internal sealed record Reply(string Text, int Tokens, string FinishReason);
