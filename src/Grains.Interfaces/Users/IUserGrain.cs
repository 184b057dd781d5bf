using OneAIHub.Grains.Interfaces.Budgets;
using OneAIHub.Grains.Interfaces.Keys;
using OneAIHub.Grains.Interfaces.Proxy;

namespace OneAIHub.Grains.Interfaces.Users;

/// <summary>
/// One user (key: user id). The only writer of the user's rows: profile, role, tier, status,
/// balance, total spent, monthly tokens, API keys, budgets. Admission and charging of proxied requests
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

    /// <summary>The user's own budget and their keys' budgets, in their current periods.</summary>
    Task<IReadOnlyList<BudgetInfo>> ListBudgetsAsync();

    /// <summary>
    /// Sets the user's budget (<paramref name="apiKeyId"/> null) or a key's, and mirrors it to LiteLLM.
    /// A changed duration starts a new period from now; the spend so far is kept.
    /// </summary>
    Task<BudgetChange> SetBudgetAsync(string? apiKeyId, decimal maxBudget, string duration);

    Task<BudgetChange> RemoveBudgetAsync(string? apiKeyId);

    /// <summary>Starts a new period for every budget whose reset time has passed, and saves them; returns how many.</summary>
    Task<int> RollDueBudgetsAsync();

    /// <summary>Pushes a budget to LiteLLM again (admin sync); null when the user has no such budget.</summary>
    Task<BudgetMirrorResult?> MirrorBudgetAsync(string budgetId);

    Task<AdmitResult> AdmitAsync(AdmitRequest request);

    Task SettleAsync(Settlement settlement);
}
