namespace OneAIHub.Grains.Interfaces;

/// <summary>LiteLLM refused or failed a key operation; the hub changed nothing.</summary>
[GenerateSerializer, Alias("oneaihub.upstream-key-exception")]
public sealed class UpstreamKeyException(string message) : Exception(message);
