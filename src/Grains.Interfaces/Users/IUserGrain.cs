using OneAIHub.Grains.Interfaces.Budgets;
using OneAIHub.Grains.Interfaces.Keys;
using OneAIHub.Grains.Interfaces.Proxy;
using Orleans.Concurrency;

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

    /// <summary>
    /// Decides one proxied request: key, account, model, tier, monthly tokens, budget, balance, then the
    /// limit window. Interleaves with this user's other calls while the window grain answers, so one
    /// user's admissions do not queue behind each other's window round trips; what it reserves is held
    /// before that wait, so interleaved admissions never overspend.
    /// </summary>
    [AlwaysInterleave]
    Task<AdmitResult> AdmitAsync(AdmitRequest request);

    /// <summary>
    /// Charges and records an admitted request, once per request id however often it is sent. The
    /// record reaches MySQL with the next flush; ask <see cref="WaitUntilRecordedAsync"/> with the receipt.
    /// </summary>
    Task<SettleReceipt> SettleAsync(Settlement settlement);

    /// <summary>
    /// Waits a few seconds at most for the next flush, then answers up to which sequence this
    /// activation's records are in MySQL; null when the receipt is from another activation, which
    /// took its unflushed records with it when its silo died: settle those again. Interleaves, so
    /// waiting never holds up admissions.
    /// </summary>
    [AlwaysInterleave]
    Task<long?> WaitUntilRecordedAsync(SettleReceipt receipt);
}
