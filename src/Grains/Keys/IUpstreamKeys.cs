namespace OneAIHub.Grains.Keys;

/// <summary>A LiteLLM virtual key issued for one hub key: its token id and the secret the proxy forwards with.</summary>
public sealed record UpstreamKey(string Id, string Secret);

/// <summary>Issues and deletes the LiteLLM virtual key behind each hub key, so LiteLLM's spend is per key.</summary>
public interface IUpstreamKeys
{
    /// <summary>Null when no LiteLLM is configured: the proxy then forwards with the master key.</summary>
    Task<UpstreamKey?> IssueAsync(string userId, string keyId, DateTime? expiresAt, IReadOnlyList<string>? models,
        CancellationToken cancellationToken = default);

    Task DeleteAsync(string id, CancellationToken cancellationToken = default);
}
