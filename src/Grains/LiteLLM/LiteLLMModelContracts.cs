using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneAIHub.Grains.LiteLLM;

/// <summary>One entry of <c>GET /v1/models</c>: a model group the caller may use.</summary>
public sealed record LiteLLMModel
{
    public string Id { get; init; } = "";

    public string? Object { get; init; }

    public long Created { get; init; }

    /// <summary>Always <c>"openai"</c> on the list endpoint (LiteLLM's quirk); use <c>/model/info</c> for the provider.</summary>
    public string? OwnedBy { get; init; }
}

/// <summary>One deployment of <c>GET /model/info</c>.</summary>
public sealed record LiteLLMDeployment
{
    /// <summary>The public model (group) name clients call.</summary>
    public string ModelName { get; init; } = "";

    public LiteLLMParams LitellmParams { get; init; } = new();

    public LiteLLMModelInfo ModelInfo { get; init; } = new();
}

/// <summary>A deployment's <c>litellm_params</c> (secrets removed or masked by LiteLLM on reads).</summary>
public sealed record LiteLLMParams
{
    /// <summary>Provider-qualified model, e.g. <c>openai/gpt-4o</c>.</summary>
    public string? Model { get; init; }

    public string? ApiBase { get; init; }

    /// <summary>Only sent when adding a model; LiteLLM never returns it.</summary>
    public string? ApiKey { get; init; }

    public string? CustomLlmProvider { get; init; }

    public decimal? InputCostPerToken { get; init; }

    public decimal? OutputCostPerToken { get; init; }

    public long? Rpm { get; init; }

    public long? Tpm { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>A deployment's <c>model_info</c> merged with LiteLLM's cost map (prices in USD per token).</summary>
public sealed record LiteLLMModelInfo
{
    /// <summary>Deployment id (the value of <c>x-litellm-model-id</c>).</summary>
    public string? Id { get; init; }

    public bool? DbModel { get; init; }

    /// <summary>The cost-map key LiteLLM resolved, e.g. <c>gpt-4o</c> or <c>mistral/mistral-small-latest</c>.</summary>
    public string? Key { get; init; }

    public string? BaseModel { get; init; }

    public long? MaxTokens { get; init; }

    public long? MaxInputTokens { get; init; }

    public long? MaxOutputTokens { get; init; }

    public decimal? InputCostPerToken { get; init; }

    public decimal? OutputCostPerToken { get; init; }

    public decimal? CacheReadInputTokenCost { get; init; }

    public decimal? CacheCreationInputTokenCost { get; init; }

    public decimal? InputCostPerTokenBatches { get; init; }

    public decimal? OutputCostPerTokenBatches { get; init; }

    public decimal? OutputCostPerReasoningToken { get; init; }

    public long? OutputVectorSize { get; init; }

    /// <summary>LiteLLM's provider id, e.g. <c>openai</c>, <c>anthropic</c>, <c>gigachat</c>.</summary>
    public string? LitellmProvider { get; init; }

    /// <summary><c>chat</c>, <c>completion</c>, <c>embedding</c>, <c>image_generation</c>, …</summary>
    public string? Mode { get; init; }

    public bool? SupportsSystemMessages { get; init; }

    public bool? SupportsResponseSchema { get; init; }

    public bool? SupportsVision { get; init; }

    public bool? SupportsFunctionCalling { get; init; }

    public bool? SupportsParallelFunctionCalling { get; init; }

    public bool? SupportsToolChoice { get; init; }

    public bool? SupportsAssistantPrefill { get; init; }

    public bool? SupportsPromptCaching { get; init; }

    public bool? SupportsAudioInput { get; init; }

    public bool? SupportsAudioOutput { get; init; }

    public bool? SupportsPdfInput { get; init; }

    public bool? SupportsEmbeddingImageInput { get; init; }

    public bool? SupportsNativeStreaming { get; init; }

    public bool? SupportsWebSearch { get; init; }

    public bool? SupportsUrlContext { get; init; }

    public bool? SupportsReasoning { get; init; }

    public bool? SupportsComputerUse { get; init; }

    public long? Tpm { get; init; }

    public long? Rpm { get; init; }

    public IReadOnlyList<string>? SupportedOpenaiParams { get; init; }

    /// <summary>Every other field LiteLLM sent (tiered prices, cost-map extras, config values).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>One entry of <c>GET /model_group/info</c>.</summary>
public sealed record LiteLLMModelGroupInfo
{
    public string ModelGroup { get; init; } = "";

    public IReadOnlyList<string> Providers { get; init; } = [];

    public long? MaxInputTokens { get; init; }

    public long? MaxOutputTokens { get; init; }

    public decimal? InputCostPerToken { get; init; }

    public decimal? OutputCostPerToken { get; init; }

    public string? Mode { get; init; }

    public long? Tpm { get; init; }

    public long? Rpm { get; init; }

    public bool SupportsParallelFunctionCalling { get; init; }

    public bool SupportsVision { get; init; }

    public bool SupportsWebSearch { get; init; }

    public bool SupportsUrlContext { get; init; }

    public bool SupportsReasoning { get; init; }

    public bool SupportsFunctionCalling { get; init; }

    public IReadOnlyList<string>? SupportedOpenaiParams { get; init; }

    public bool IsPublicModelGroup { get; init; }

    public string? HealthStatus { get; init; }
}

/// <summary>Body of <c>POST /model/new</c> (all of it) and <c>POST /model/update</c> (<c>model_info.id</c> required).</summary>
public sealed record LiteLLMModelRequest
{
    public string? ModelName { get; init; }

    public LiteLLMParams LitellmParams { get; init; } = new();

    public LiteLLMModelInfo? ModelInfo { get; init; }
}

/// <summary>The stored <c>LiteLLM_ProxyModelTable</c> row; string <c>litellm_params</c> values come back encrypted.</summary>
public sealed record LiteLLMModelRow
{
    public string ModelId { get; init; } = "";

    public string? ModelName { get; init; }

    public LiteLLMParams LitellmParams { get; init; } = new();

    public LiteLLMModelInfo ModelInfo { get; init; } = new();

    public DateTimeOffset? CreatedAt { get; init; }

    public string? CreatedBy { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public string? UpdatedBy { get; init; }
}

/// <summary>A <c>{"message": …}</c> answer, e.g. of <c>/model/delete</c>.</summary>
public sealed record LiteLLMMessage
{
    public string Message { get; init; } = "";
}

/// <summary>The <c>{"data": [...]}</c> wrapper of list endpoints.</summary>
internal sealed record LiteLLMDataList<T>
{
    public IReadOnlyList<T> Data { get; init; } = [];
}
