using System.Collections.Concurrent;
using OneAIHub.Grains.Interfaces.Keys;

namespace OneAIHub.WebApi.Proxy;

/// <summary>
/// Key hash → owner, kept in this process: a key's owner never changes, so only the first request
/// of a key asks its grain. Whether the key still works is decided by the owner's grain every time.
/// </summary>
public sealed class KeyOwnerCache(IGrainFactory grains)
{
    private const int MaxEntries = 200_000;
    private readonly ConcurrentDictionary<string, ApiKeyOwner> _owners = new(StringComparer.Ordinal);

    public ValueTask<ApiKeyOwner?> FindAsync(string keyHash) =>
        _owners.TryGetValue(keyHash, out var owner) ? ValueTask.FromResult<ApiKeyOwner?>(owner) : LoadAsync(keyHash);

    /// <summary>Forgets a key whose owner turned out not to exist any more (a deleted user).</summary>
    public void Forget(string keyHash) => _owners.TryRemove(keyHash, out _);

    private async ValueTask<ApiKeyOwner?> LoadAsync(string keyHash)
    {
        var owner = await grains.GetGrain<IApiKeyGrain>(keyHash).GetOwnerAsync();
        if (owner is not null)
        {
            if (_owners.Count >= MaxEntries) _owners.Clear();
            _owners[keyHash] = owner;
        }
        return owner;
    }
}
