namespace OneAIHub.WebApi.Proxy;

/// <summary>Where /v1 traffic goes (section <c>LiteLLM</c>, shared with the silo) and how long it may take.</summary>
public sealed class ProxyOptions
{
    public const string Section = "LiteLLM";

    /// <summary>LiteLLM's base URL; empty means no upstream is configured and /v1 answers 503.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Used when a hub key has no LiteLLM virtual key of its own.</summary>
    public string? MasterKey { get; set; }

    /// <summary>Longest wait for the upstream's response headers (a stream may then run longer).</summary>
    public TimeSpan ProxyTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest silence between two chunks of a stream before the hub gives up on it.</summary>
    public TimeSpan StreamIdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(BaseUrl);
}
