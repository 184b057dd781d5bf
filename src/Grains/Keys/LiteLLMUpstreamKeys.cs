using OneAIHub.Grains.Interfaces;
using OneAIHub.Grains.LiteLLM;

namespace OneAIHub.Grains.Keys;

/// <summary>LiteLLM virtual keys (CONTRACT.md §5.1, §5.4) behind hub keys, so LiteLLM's spend is per key.</summary>
public sealed class LiteLLMUpstreamKeys(ILiteLLMClient liteLLM) : IUpstreamKeys
{
    public async Task<UpstreamKey?> IssueAsync(string userId, string keyId, DateTime? expiresAt, IReadOnlyList<string>? models,
        CancellationToken cancellationToken = default)
    {
        if (!liteLLM.IsConfigured) return null;
        try
        {
            var generated = await liteLLM.GenerateKeyAsync(new LiteLLMGenerateKeyRequest
            {
                KeyAlias = $"ohk-{keyId}",
                UserId = userId,
                Models = models ?? [],
                Duration = expiresAt is { } e ? $"{Math.Max(1, (long)Math.Ceiling((e - DateTime.UtcNow).TotalSeconds))}s" : null,
                Metadata = new Dictionary<string, object?> { ["hub_key_id"] = keyId },
            }, cancellationToken);
            return new UpstreamKey(generated.TokenId ?? generated.Token, generated.Key);
        }
        catch (LiteLLMException ex)
        {
            throw new UpstreamKeyException($"LiteLLM could not create the key's virtual key: {ex.Message}");
        }
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!liteLLM.IsConfigured) return;
        try
        {
            await liteLLM.DeleteKeysAsync([id], cancellationToken);
        }
        catch (LiteLLMException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // Already gone there: nothing to undo.
        }
    }
}
