using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneAIHub.Grains.LiteLLM;

/// <summary><c>GET /health</c>: LiteLLM's check of every deployment.</summary>
public sealed record LiteLLMHealth
{
    public IReadOnlyList<LiteLLMHealthEndpoint> HealthyEndpoints { get; init; } = [];

    public IReadOnlyList<LiteLLMHealthEndpoint> UnhealthyEndpoints { get; init; } = [];

    public int HealthyCount { get; init; }

    public int UnhealthyCount { get; init; }
}

public sealed record LiteLLMHealthEndpoint
{
    public string? Model { get; init; }

    public string? ApiBase { get; init; }

    public string? ModelId { get; init; }

    public string? Error { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary><c>GET /health/readiness</c>.</summary>
public sealed record LiteLLMReadiness
{
    /// <summary><c>healthy</c>, or <c>connected</c> when a DB is attached (LiteLLM's quirk).</summary>
    public string? Status { get; init; }

    public string? Db { get; init; }

    public string? LitellmVersion { get; init; }

    public IReadOnlyList<string>? SuccessCallbacks { get; init; }

    public DateTimeOffset? LastUpdated { get; init; }
}
