namespace OneAIHub.Grains.Interfaces.LiteLLM;

/// <summary>Whether the silo side can reach LiteLLM, in words fit for a health report.</summary>
[GenerateSerializer, Immutable, Alias("oneaihub.litellm-health")]
public sealed record LiteLLMHealthReport(
    [property: Id(0)] bool Configured,
    [property: Id(1)] bool Reachable,
    [property: Id(2)] string Description);
