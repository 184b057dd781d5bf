using OneAIHub.Grains.Interfaces.Keys;
using OneAIHub.Grains.Interfaces.Proxy;

namespace OneAIHub.Grains.Interfaces.Users;

/// <summary>
/// One user (key: user id). The only writer of the user's rows: profile, role, tier, status,
/// balance, total spent, monthly tokens, API keys. Admission and charging of proxied requests
/// go through here, so a balance can never be spent twice.
/// </summary>
public interface IUserGrain : IGrainWithStringKey
{
    Task<CreateUserResult> CreateAsync(NewUser user);

    /// <summary>Null when the user does not exist (never created, or deleted).</summary>
    Task<UserProfile?> GetProfileAsync();

    Task<UserProfile?> UpdateAsync(UserUpdate update);

    Task<UserProfile?> RequestFreeTierAsync();

    Task<UserProfile?> ApproveFreeTierAsync();

    /// <summary>Adds (or with a negative amount takes) money, recorded with its reason.</summary>
    Task<UserProfile?> AdjustBalanceAsync(decimal amount, string reason, string? actorId);

    Task<bool> DeleteAsync();

    Task<IReadOnlyList<ApiKeyInfo>> ListKeysAsync();

    Task<CreatedApiKey?> CreateKeyAsync(NewApiKey key);

    Task<ApiKeyInfo?> RenameKeyAsync(string keyId, string name);

    Task<bool> RevokeKeyAsync(string keyId);

    Task<AdmitResult> AdmitAsync(AdmitRequest request);

    Task SettleAsync(Settlement settlement);
}
