namespace OneAIHub.Grains.LiteLLM;

/// <summary>Where the upstream LiteLLM proxy is and how to talk to it (configuration section <see cref="Section"/>).</summary>
public sealed class LiteLLMOptions
{
    public const string Section = "LiteLLM";

    /// <summary>The proxy's base URL, e.g. <c>http://litellm:4000</c>; empty means LiteLLM is not configured.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>LiteLLM's master key (<c>sk-…</c>), sent as <c>Authorization: Bearer</c> on every admin call.</summary>
    public string? MasterKey { get; set; }

    /// <summary>How often the model catalog is pulled from LiteLLM.</summary>
    public TimeSpan SyncPeriod { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The most one client call may take, retries included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(BaseUrl);
}
