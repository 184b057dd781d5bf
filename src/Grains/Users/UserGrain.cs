using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneAIHub.Grains.Budgets;
using OneAIHub.Grains.Interfaces.Catalog;
using OneAIHub.Grains.Interfaces.Budgets;
using OneAIHub.Grains.Interfaces.Users;
using OneAIHub.Grains.Keys;

namespace OneAIHub.Grains.Users;

/// <summary>
/// One user: profile and account changes (this file), API keys (<c>UserGrain.Keys.cs</c>), and
/// admission and charging of proxied requests (<c>UserGrain.Proxy.cs</c>), budget enforcement
/// (<c>UserGrain.Budgets.cs</c>) and budget settings (<c>UserGrain.BudgetSettings.cs</c>). The grain is the only
/// writer of the user's rows; profile edits write through at once, request charges are batched.
/// </summary>
[GrainType("user")]
public sealed partial class UserGrain(
    UserRepository repository,
    CatalogCache catalog,
    IUpstreamKeys upstreamKeys,
    BudgetMirror budgetMirror,
    IOptions<RecordingOptions> recording,
    TimeProvider time,
    ILogger<UserGrain> logger) : Grain, IUserGrain
{
    private string UserId => this.GetPrimaryKeyString();

    private UserRow? _user;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await LoadAsync();
        var interval = recording.Value.FlushInterval;
        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(interval, interval) { Interleave = true });
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await WaitForRunningFlushAsync();
        await FlushAsync(cancellationToken);
        if (_pending.Count > 0)
            logger.LogError("User {UserId} deactivates with {Count} request records that MySQL did not take", UserId, _pending.Count);
    }

    public async Task<CreateUserResult> CreateAsync(NewUser user)
    {
        if (_user is not null)
            return new CreateUserResult(CreateUserOutcome.EmailTaken, null);
        var index = await catalog.GetAsync();
        var tier = user.TierId is null
            ? index.TiersCheapestFirst.FirstOrDefault(t => t.IsFree) ?? index.TiersCheapestFirst.FirstOrDefault()
            : index.FindTier(user.TierId);
        if (tier is null)
            return new CreateUserResult(CreateUserOutcome.UnknownTier, null);
        if (!await repository.InsertAsync(UserId, user, tier.Id, Now()))
            return new CreateUserResult(CreateUserOutcome.EmailTaken, null);
        await LoadAsync();
        return new CreateUserResult(CreateUserOutcome.Created, await GetProfileAsync());
    }

    public async Task<UserProfile?> GetProfileAsync()
    {
        if (_user is not { } u) return null;
        return UserProfiles.From(u, await catalog.GetAsync(), _balance, _totalSpent, MonthlyTokensUsed());
    }

    public async Task<UserProfile?> UpdateAsync(UserUpdate update)
    {
        if (_user is not { } u) return null;
        var monthlyLimit = update.ClearMonthlyTokenLimit ? null : update.MonthlyTokenLimit ?? u.monthly_token_limit;
        await SaveProfileAsync(u with
        {
            role = update.Role ?? u.role,
            tier_id = update.TierId ?? u.tier_id,
            status = update.Status ?? u.status,
            display_name = update.DisplayName ?? u.display_name,
            monthly_token_limit = monthlyLimit,
        });
        return await GetProfileAsync();
    }

    public async Task<UserProfile?> RequestFreeTierAsync()
    {
        if (_user is not { } u) return null;
        if (u.status == UserStatuses.PendingApproval && u.free_tier_requested_at is null)
            await SaveProfileAsync(u with { free_tier_requested_at = Now() });
        return await GetProfileAsync();
    }

    public async Task<UserProfile?> ApproveFreeTierAsync()
    {
        if (_user is not { } u) return null;
        if (u.status == UserStatuses.PendingApproval)
            await SaveProfileAsync(u with { status = UserStatuses.Active });
        return await GetProfileAsync();
    }

    public async Task<UserProfile?> AdjustBalanceAsync(decimal amount, string reason, string? actorId)
    {
        if (_user is null) return null;
        await repository.AdjustBalanceAsync(UserId, amount, reason, actorId, Now());
        _balance += amount;
        return await GetProfileAsync();
    }

    public async Task<bool> DeleteAsync()
    {
        if (_user is null) return false;
        var upstream = _keys.Values.Select(k => k.external_id).OfType<string>().ToList();
        var mirroredBudgets = _budgets.Values.Where(b => b.scope == BudgetScopes.User && b.external_id is not null).Select(b => b.id).ToList();
        await repository.DeleteAsync(UserId);
        _user = null;
        _keys.Clear();
        ForgetPendingRecords();
        _budgets.Clear();
        _dirtyBudgets.Clear();
        foreach (var id in upstream) await DeleteUpstreamKeyAsync(id);
        foreach (var id in mirroredBudgets) await budgetMirror.RemoveUserBudgetAsync(id);
        DeactivateOnIdle();
        return true;
    }

    private async Task SaveProfileAsync(UserRow changed)
    {
        var now = Now();
        await repository.UpdateProfileAsync(UserId, changed.role, changed.tier_id, changed.status, changed.display_name,
            changed.free_tier_requested_at, changed.monthly_token_limit, now);
        _user = changed with { updated_at = now };
    }

    private async Task LoadAsync()
    {
        _user = await repository.FindAsync(UserId);
        if (_user is null) return;
        _balance = _user.balance;
        _totalSpent = _user.total_spent;
        _keys.Clear();
        foreach (var key in await repository.ListKeysAsync(UserId)) _keys[key.id] = key;
        _budgets.Clear();
        foreach (var budget in await repository.ListBudgetsAsync(UserId)) _budgets[budget.id] = budget;
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static DateTime? Utc(DateTime? value) => value is null ? null : Utc(value.Value);
}
