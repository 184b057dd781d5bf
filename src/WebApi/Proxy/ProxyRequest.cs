using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneAIHub.WebApi.Proxy;

public enum ProxyEndpoint
{
    ChatCompletions,
    Completions,
    Embeddings,
}

/// <summary>What the hub needs to know of a /v1 request body, read once.</summary>
public sealed record ProxyRequest(
    ProxyEndpoint Endpoint, string Model, bool Stream, bool ClientWantsUsage, int? MaxOutputTokens, int PromptTokens)
{
    public const int MaxOutputTokensCeiling = 10_000_000;

    public string EndpointName => Endpoint switch
    {
        ProxyEndpoint.ChatCompletions => "chat/completions",
        ProxyEndpoint.Completions => "completions",
        _ => "embeddings",
    };

    /// <summary>Parses and checks a body; on failure returns the message and the offending parameter.</summary>
    public static (ProxyRequest? Request, string? Error, string? Param) Parse(ProxyEndpoint endpoint, ReadOnlyMemory<byte> body, TokenEstimator tokens)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return (null, "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload.)", null);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, "The request body must be a JSON object.", null);
            if (!root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(model.GetString()))
                return (null, "you must provide a model parameter", "model");

            var stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
            if (root.TryGetProperty("stream", out s) && s.ValueKind is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null))
                return (null, $"Invalid type for 'stream': expected a boolean.", "stream");
            var wantsUsage = root.TryGetProperty("stream_options", out var options) && options.ValueKind == JsonValueKind.Object
                && options.TryGetProperty("include_usage", out var include) && include.ValueKind == JsonValueKind.True;

            var (maxTokens, maxError, maxParam) = ReadMaxTokens(root);
            if (maxError is not null) return (null, maxError, maxParam);

            var (prompt, promptError, promptParam) = endpoint switch
            {
                ProxyEndpoint.ChatCompletions => CountMessages(root, tokens),
                ProxyEndpoint.Completions => CountInput(root, "prompt", tokens),
                _ => CountInput(root, "input", tokens),
            };
            if (promptError is not null) return (null, promptError, promptParam);
            if (endpoint == ProxyEndpoint.Embeddings) maxTokens = 0;
            return (new ProxyRequest(endpoint, model.GetString()!, stream, wantsUsage, maxTokens, prompt), null, null);
        }
    }

    /// <summary>
    /// The body to send upstream: unchanged, except that a stream always asks for usage (the hub
    /// bills from it; the usage chunk is passed on only to a client that asked for it).
    /// </summary>
    public ReadOnlyMemory<byte> UpstreamBody(ReadOnlyMemory<byte> body)
    {
        if (!Stream || ClientWantsUsage) return body;
        var node = JsonNode.Parse(body.Span)!.AsObject();
        if (node["stream_options"] is not JsonObject streamOptions)
            node["stream_options"] = streamOptions = new JsonObject();
        streamOptions["include_usage"] = true;
        return JsonSerializer.SerializeToUtf8Bytes(node);
    }

    private static (int? Value, string? Error, string? Param) ReadMaxTokens(JsonElement root)
    {
        foreach (var name in new[] { "max_completion_tokens", "max_tokens" })
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) continue;
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
                return (null, $"Invalid type for '{name}': expected an integer.", name);
            if (number < 1 || number > MaxOutputTokensCeiling)
                return (null, $"Invalid '{name}': {number}. It must be between 1 and {MaxOutputTokensCeiling}.", name);
            return ((int)number, null, null);
        }
        return (null, null, null);
    }

    private static (int Tokens, string? Error, string? Param) CountMessages(JsonElement root, TokenEstimator tokens)
    {
        if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
            return (0, "Missing required parameter: 'messages'.", "messages");
        if (messages.GetArrayLength() == 0)
            return (0, "Invalid 'messages': empty array. Expected an array with minimum length 1.", "messages");
        var total = TokenEstimator.PerReply;
        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind != JsonValueKind.Object)
                return (0, "Invalid type for 'messages[]': expected an object.", "messages");
            total += TokenEstimator.PerMessage;
            foreach (var property in message.EnumerateObject())
                total += property.Value.ValueKind switch
                {
                    JsonValueKind.String => tokens.Count(property.Value.GetString()),
                    JsonValueKind.Array => CountParts(property.Value, tokens),
                    JsonValueKind.Object => tokens.Count(property.Value.GetRawText()),
                    _ => 0,
                };
        }
        if (root.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Array)
            total += tokens.Count(tools.GetRawText());
        return (total, null, null);
    }

    private static int CountParts(JsonElement parts, TokenEstimator tokens)
    {
        var total = 0;
        foreach (var part in parts.EnumerateArray())
        {
            if (part.ValueKind == JsonValueKind.String) total += tokens.Count(part.GetString());
            else if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
                total += tokens.Count(text.GetString());
            else if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("image_url", out _))
                total += TokenEstimator.PerImage;
            else if (part.ValueKind == JsonValueKind.Object)
                total += tokens.Count(part.GetRawText());
        }
        return total;
    }

    private static (int Tokens, string? Error, string? Param) CountInput(JsonElement root, string name, TokenEstimator tokens)
    {
        if (!root.TryGetProperty(name, out var input) || input.ValueKind == JsonValueKind.Null)
            return (0, $"Missing required parameter: '{name}'.", name);
        switch (input.ValueKind)
        {
            case JsonValueKind.String:
                return (tokens.Count(input.GetString()), null, null);
            case JsonValueKind.Array:
                var total = 0;
                foreach (var item in input.EnumerateArray())
                    total += item.ValueKind switch
                    {
                        JsonValueKind.String => tokens.Count(item.GetString()),
                        JsonValueKind.Number => 1,
                        JsonValueKind.Array => item.GetArrayLength(),
                        _ => -1_000_000_000,
                    };
                return total < 0 ? (0, $"Invalid type for '{name}': expected a string, an array of strings or token arrays.", name) : (total, null, null);
            default:
                return (0, $"Invalid type for '{name}': expected a string or an array.", name);
        }
    }
}
