using System.Text.Json.Nodes;

namespace OneAIHub.Tests.LiteLLMStandin.Llm;

/// <summary>
/// OpenAI response objects as LiteLLM returns them (CONTRACT.md §4.1–4.2): full objects keep null fields; stream chunks
/// are <c>exclude_none</c>, so their nulls are omitted.
/// </summary>
internal static class CompletionPayloads
{
    public static JsonObject ChatCompletion(string id, long created, string model, Reply reply, int promptTokens) => new()
    {
        ["id"] = id,
        ["created"] = created,
        ["model"] = model,
        ["object"] = "chat.completion",
        ["system_fingerprint"] = null,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["finish_reason"] = reply.FinishReason,
            ["index"] = 0,
            ["message"] = new JsonObject
            {
                ["content"] = reply.Text,
                ["role"] = "assistant",
                ["tool_calls"] = null,
                ["function_call"] = null,
            },
        }),
        ["usage"] = Usage(promptTokens, reply.Tokens, full: true),
    };

    /// <summary>Role chunk, one chunk per piece, finish chunk, and (when asked) the usage chunk whose choices hold one empty delta.</summary>
    public static List<JsonObject> ChatChunks(string id, long created, string model, Reply reply, int promptTokens, bool includeUsage)
    {
        JsonObject Chunk(JsonObject choice) => new()
        {
            ["id"] = id,
            ["created"] = created,
            ["model"] = model,
            ["object"] = "chat.completion.chunk",
            ["choices"] = new JsonArray(choice),
        };

        var chunks = new List<JsonObject> { Chunk(new JsonObject { ["index"] = 0, ["delta"] = new JsonObject { ["content"] = "", ["role"] = "assistant" } }) };
        chunks.AddRange(SyntheticLlm.Pieces(reply.Text).Select(p => Chunk(new JsonObject { ["index"] = 0, ["delta"] = new JsonObject { ["content"] = p } })));
        chunks.Add(Chunk(new JsonObject { ["finish_reason"] = reply.FinishReason, ["index"] = 0, ["delta"] = new JsonObject() }));
        if (includeUsage)
        {
            var usage = Chunk(new JsonObject { ["index"] = 0, ["delta"] = new JsonObject() });
            usage["usage"] = Usage(promptTokens, reply.Tokens, full: false);
            chunks.Add(usage);
        }

        return chunks;
    }

    public static JsonObject TextCompletion(string id, long created, string model, Reply reply, int promptTokens) => new()
    {
        ["id"] = id,
        ["object"] = "text_completion",
        ["created"] = created,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["text"] = reply.Text,
            ["index"] = 0,
            ["logprobs"] = null,
            ["finish_reason"] = reply.FinishReason,
        }),
        ["usage"] = Usage(promptTokens, reply.Tokens, full: false),
    };

    public static List<JsonObject> TextChunks(string id, long created, string model, Reply reply, int promptTokens, bool includeUsage)
    {
        JsonObject Chunk(JsonObject choice) => new()
        {
            ["id"] = id,
            ["object"] = "text_completion",
            ["created"] = created,
            ["model"] = model,
            ["choices"] = new JsonArray(choice),
        };

        var chunks = SyntheticLlm.Pieces(reply.Text).Select(p => Chunk(new JsonObject { ["text"] = p, ["index"] = 0 })).ToList();
        chunks.Add(Chunk(new JsonObject { ["text"] = "", ["index"] = 0, ["finish_reason"] = reply.FinishReason }));
        if (includeUsage)
        {
            var usage = Chunk(new JsonObject { ["text"] = "", ["index"] = 0 });
            usage["usage"] = Usage(promptTokens, reply.Tokens, full: false);
            chunks.Add(usage);
        }

        return chunks;
    }

    private static JsonObject Usage(int promptTokens, int completionTokens, bool full)
    {
        var usage = new JsonObject
        {
            ["completion_tokens"] = completionTokens,
            ["prompt_tokens"] = promptTokens,
            ["total_tokens"] = promptTokens + completionTokens,
        };
        if (full)
        {
            usage["completion_tokens_details"] = null;
            usage["prompt_tokens_details"] = new JsonObject { ["audio_tokens"] = null, ["cached_tokens"] = 0 };
            usage["cache_creation_input_tokens"] = 0;
            usage["cache_read_input_tokens"] = 0;
        }

        return usage;
    }
}
