using OneAIHub.Grains.LiteLLM;

namespace OneAIHub.Grains.Sync;

/// <summary>The catalog's capability names, derived from LiteLLM's <c>supports_*</c> flags and <c>mode</c>.</summary>
public static class ModelCapabilities
{
    public const string Vision = "vision";
    public const string FunctionCalling = "function_calling";
    public const string Streaming = "streaming";
    public const string JsonMode = "json_mode";
    public const string Reasoning = "reasoning";
    public const string Embeddings = "embeddings";
    public const string Audio = "audio";

    /// <summary>The capabilities in the catalog's fixed order, so an unchanged model yields the same list every sync.</summary>
    public static IReadOnlyList<string> From(LiteLLMModelInfo info)
    {
        var generates = info.Mode is "chat" or "completion" or "responses";
        var capabilities = new List<string>();
        if (info.SupportsVision == true) capabilities.Add(Vision);
        if (info.SupportsFunctionCalling == true) capabilities.Add(FunctionCalling);
        // LiteLLM streams every chat and completion model (it fakes a stream where the provider has none).
        if (generates || info.SupportsNativeStreaming == true) capabilities.Add(Streaming);
        if (info.SupportsResponseSchema == true || (generates && info.SupportedOpenaiParams?.Contains("response_format") == true))
            capabilities.Add(JsonMode);
        if (info.SupportsReasoning == true) capabilities.Add(Reasoning);
        if (info.Mode == "embedding") capabilities.Add(Embeddings);
        if (info.SupportsAudioInput == true || info.SupportsAudioOutput == true || info.Mode is "audio_transcription" or "audio_speech")
            capabilities.Add(Audio);
        return capabilities;
    }
}
