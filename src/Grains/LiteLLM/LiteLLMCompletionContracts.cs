using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneAIHub.Grains.LiteLLM;

/// <summary>A chat message with plain-text content.</summary>
public sealed record LiteLLMChatMessage(string Role, string? Content);

/// <summary><c>POST /v1/chat/completions</c> (non-streaming; the hub's proxy forwards raw bytes elsewhere).</summary>
public sealed record LiteLLMChatCompletionRequest
{
    public required string Model { get; init; }

    public required IReadOnlyList<LiteLLMChatMessage> Messages { get; init; }

    public long? MaxTokens { get; init; }

    public double? Temperature { get; init; }

    /// <summary>The end user (customer) LiteLLM records the spend against.</summary>
    public string? User { get; init; }

    /// <summary>Spend tags (top-level <c>tags</c>).</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Any other OpenAI or LiteLLM parameter, e.g. <c>metadata</c> or <c>num_retries</c>.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

public sealed record LiteLLMChatCompletion
{
    public string Id { get; init; } = "";

    public string? Object { get; init; }

    public long Created { get; init; }

    /// <summary>The model name the client asked for (LiteLLM rewrites it to the group name).</summary>
    public string? Model { get; init; }

    public string? SystemFingerprint { get; init; }

    public IReadOnlyList<LiteLLMChatChoice> Choices { get; init; } = [];

    public LiteLLMUsage? Usage { get; init; }
}

public sealed record LiteLLMChatChoice
{
    public int Index { get; init; }

    public string? FinishReason { get; init; }

    public LiteLLMChatMessage? Message { get; init; }
}

public sealed record LiteLLMUsage
{
    public long PromptTokens { get; init; }

    public long CompletionTokens { get; init; }

    public long TotalTokens { get; init; }
}

/// <summary><c>POST /v1/completions</c> (legacy text completion).</summary>
public sealed record LiteLLMCompletionRequest
{
    public required string Model { get; init; }

    public required string Prompt { get; init; }

    public long? MaxTokens { get; init; }

    public string? User { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

public sealed record LiteLLMTextCompletion
{
    public string Id { get; init; } = "";

    public string? Object { get; init; }

    public long Created { get; init; }

    public string? Model { get; init; }

    public IReadOnlyList<LiteLLMTextChoice> Choices { get; init; } = [];

    public LiteLLMUsage? Usage { get; init; }
}

public sealed record LiteLLMTextChoice
{
    public string Text { get; init; } = "";

    public int Index { get; init; }

    public string? FinishReason { get; init; }
}

/// <summary><c>POST /v1/embeddings</c> with float vectors.</summary>
public sealed record LiteLLMEmbeddingRequest
{
    public required string Model { get; init; }

    public required IReadOnlyList<string> Input { get; init; }

    public int? Dimensions { get; init; }

    public string? User { get; init; }
}

public sealed record LiteLLMEmbeddingResponse
{
    public string? Model { get; init; }

    public string? Object { get; init; }

    public IReadOnlyList<LiteLLMEmbedding> Data { get; init; } = [];

    public LiteLLMUsage? Usage { get; init; }
}

public sealed record LiteLLMEmbedding
{
    public int Index { get; init; }

    public string? Object { get; init; }

    public IReadOnlyList<float> Embedding { get; init; } = [];
}

/// <summary><c>POST /utils/token_counter</c>: give <see cref="Messages"/> or <see cref="Prompt"/>.</summary>
public sealed record LiteLLMTokenCountRequest
{
    public required string Model { get; init; }

    public IReadOnlyList<LiteLLMChatMessage>? Messages { get; init; }

    public string? Prompt { get; init; }
}

public sealed record LiteLLMTokenCount
{
    public long TotalTokens { get; init; }

    public string? RequestModel { get; init; }

    public string? ModelUsed { get; init; }

    /// <summary><c>openai_tokenizer</c> or <c>huggingface_tokenizer</c>.</summary>
    public string? TokenizerType { get; init; }

    public bool Error { get; init; }

    public string? ErrorMessage { get; init; }
}
