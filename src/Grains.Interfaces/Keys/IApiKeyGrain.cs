using Orleans.Concurrency;

namespace OneAIHub.Grains.Interfaces.Keys;

/// <summary>
/// A key by its SHA-256 (hex). It answers only who owns the key: a key's owner never changes,
/// so callers may cache the answer. Whether the key still works (revoked, expired, scope) is
/// decided on every request by the owner's <c>IUserGrain</c>, which makes revocation immediate.
/// </summary>
public interface IApiKeyGrain : IGrainWithStringKey
{
    [AlwaysInterleave]
    Task<ApiKeyOwner?> GetOwnerAsync();
}
