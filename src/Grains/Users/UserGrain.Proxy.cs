using System.Globalization;
using Microsoft.Extensions.Logging;
using OneAIHub.Grains.Interfaces;
using OneAIHub.Grains.Interfaces.Catalog;
using OneAIHub.Grains.Interfaces.Limits;
using OneAIHub.Grains.Interfaces.Proxy;
using OneAIHub.Grains.Interfaces.Users;

namespace OneAIHub.Grains.Users;

public sealed partial class UserGrain
{
    private const decimal PerMillion = 1_000_000m;

    /// <summary>Balance and total spent including charges not yet flushed to MySQL.</summary>
    private decimal _balance;
    private decimal _totalSpent;
    private long _unflushedTokens;
    private readonly Dictionary<string, Reservation> _reservations = new(StringComparer.Ordinal);
    private readonly List<RequestRecord> _pending = [];
    private readonly Dictionary<string, BudgetRow> _budgets = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dirtyBudgets = new(StringComparer.Ordinal);
    private bool _flushing;
    private bool _lastFlushFailed;
    private readonly Dictionary<string, DateTime> _pendingLastUsed = new(StringComparer.Ordinal);

    /// <summary>
    /// Names this activation in settle receipts: a later activation (after a silo died) has lost this
    /// one's unflushed records, and the WebApi settles those again. Records are numbered in the order
    /// they are taken and flushed in that order, so one number says how far MySQL has them.
    /// </summary>
    private readonly Guid _activation = Guid.NewGuid();
    private long _recordedSequence;
    private long _flushedSequence;
    private TaskCompletionSource _nextFlush = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, long> _pendingSequences = new(StringComparer.Ordinal);
    private static readonly TimeSpan RecordWaitLimit = TimeSpan.FromSeconds(5);

    private sealed record Reservation(
        string ApiKeyId, CatalogModel Model, bool Free, long Tokens, decimal Cost, DateTime MinuteStart, DateTime DayStart,
        string Endpoint, DateTime CreatedAt);

    public async Task<AdmitResult> AdmitAsync(AdmitRequest request)
    {
        var now = Now();
        if (_user is not { } user || FindKeyByHash(request.KeyHash) is not { } key)
            return AdmitResult.Reject(AdmitOutcome.InvalidKey, "Incorrect API key provided.");
        if (key.revoked_at is not null)
            return AdmitResult.Reject(AdmitOutcome.KeyRevoked, "This API key has been revoked.");
        if (key.expires_at is { } expires && expires <= now)
            return AdmitResult.Reject(AdmitOutcome.KeyExpired, "This API key has expired.");
        if (user.status == UserStatuses.PendingApproval)
            return AdmitResult.Reject(AdmitOutcome.PendingApproval,
                "Your account is waiting for an administrator to approve the Free tier. You can call models once it is approved.");
        if (user.status != UserStatuses.Active)
            return AdmitResult.Reject(AdmitOutcome.Suspended, "Your account is suspended. Contact support.");

        var index = await catalog.GetAsync();
        var model = index.FindModelByExternalId(request.Model);
        if (model is null)
            return AdmitResult.Reject(AdmitOutcome.ModelNotFound, $"The model `{request.Model}` does not exist or you do not have access to it.");
        if (!model.IsAvailable || !model.IsEnabled)
            return AdmitResult.Reject(AdmitOutcome.ModelDisabled, $"The model `{request.Model}` is currently not available.");
        if (key.models is not null && !KeyAllows(key, model))
            return AdmitResult.Reject(AdmitOutcome.ModelNotAllowedForKey, $"This API key may not use the model `{request.Model}`.");
        if (index.FindEffectiveLimit(user.tier_id, model.Id) is not { } limit)
            return AdmitResult.Reject(AdmitOutcome.ModelNotInTier,
                $"The model `{request.Model}` is not available on your tier ({index.FindTier(user.tier_id)?.Name}).");

        var outputReservation = request.MaxOutputTokens ?? model.MaxOutputTokens ?? recording.Value.DefaultOutputReservation;
        var tokens = (long)request.PromptTokens + outputReservation;
        if (user.monthly_token_limit is { } monthly && MonthlyTokensUsed() + ReservedTokens() + tokens > monthly)
            return AdmitResult.Reject(AdmitOutcome.MonthlyTokenLimitReached,
                $"This request would pass your monthly token limit of {monthly.ToString(CultureInfo.InvariantCulture)} tokens.");

        var free = model.IsFree || index.FindTier(user.tier_id)?.IsFree == true;
        var cost = free ? 0m : Cost(model, request.PromptTokens, outputReservation);
        if (ExceededBudget(key.id, now) is { } budget)
            return AdmitResult.Reject(AdmitOutcome.BudgetExceeded,
                $"Budget exceeded: {budget.spend.ToString("0.######", CultureInfo.InvariantCulture)} of {budget.max_budget.ToString("0.######", CultureInfo.InvariantCulture)} USD spent this {budget.budget_duration} period; it resets at {Utc(budget.reset_at):O}.");
        var available = _balance - ReservedCost();
        if (cost > 0 && available < cost)
            return AdmitResult.Reject(AdmitOutcome.InsufficientBalance,
                $"Your balance ({available.ToString("0.######", CultureInfo.InvariantCulture)} USD) cannot cover this request's reservation ({cost.ToString("0.######", CultureInfo.InvariantCulture)} USD). Top up, or lower max_tokens.");

        var limits = new WindowLimits(limit.Limit.RequestsPerMinute, limit.Limit.RequestsPerDay, limit.Limit.TokensPerMinute, limit.Limit.TokensPerDay);
        // Admissions interleave while the window decides, so the reservation is held from here on:
        // another admission of this user meanwhile counts its cost and tokens.
        var reservation = new Reservation(key.id, model, free, tokens, cost, default, default, request.Endpoint, now);
        _reservations[request.RequestId] = reservation;
        WindowDecision window;
        try
        {
            window = await LimitWindow(model.Id).TryAdmitAsync(limits, tokens);
        }
        catch
        {
            _reservations.Remove(request.RequestId);
            throw;
        }
        if (!window.Admitted || _user is null)
        {
            _reservations.Remove(request.RequestId);
            if (window.Admitted) LimitWindow(model.Id).ReleaseAsync(tokens, window.MinuteWindowStart, window.DayWindowStart).Ignore();
            if (_user is null) return AdmitResult.Reject(AdmitOutcome.InvalidKey, "Incorrect API key provided.");
            return TooLargeForWindow(limits, tokens)
                ? AdmitResult.Reject(AdmitOutcome.RequestTooLarge,
                    $"Request too large: it reserves {tokens} tokens (prompt plus max_tokens), more than your tier allows per {(limits.TokensPerMinute > 0 && tokens > limits.TokensPerMinute ? "minute" : "day")}. Lower max_tokens.", window)
                : AdmitResult.Reject(AdmitOutcome.RateLimited, RateLimitMessage(window, index.FindTier(user.tier_id)?.Name), window);
        }

        _reservations[request.RequestId] = reservation with { MinuteStart = window.MinuteWindowStart, DayStart = window.DayWindowStart };
        return new AdmitResult(AdmitOutcome.Admitted, null, model.Id, key.external_key, tokens, window,
            index.FindTier(user.tier_id)?.Name, key.id);
    }

    public async Task<SettleReceipt> SettleAsync(Settlement settlement)
    {
        if (_pendingSequences.TryGetValue(settlement.RequestId, out var taken)) return new SettleReceipt(_activation, taken);
        if (!_reservations.Remove(settlement.RequestId, out var reservation))
        {
            // Admitted by an activation that died with its silo, or sent again after a lost receipt:
            // record it from the settlement itself, unless MySQL already has it.
            if (_user is null || await repository.RequestExistsAsync(settlement.RequestId)) return Recorded;
            reservation = ReservationOf(settlement, await catalog.GetAsync());
            if (reservation is null)
            {
                logger.LogError("Request {RequestId} of user {UserId} cannot be recorded: model {ModelId} left the catalog",
                    settlement.RequestId, UserId, settlement.ModelId);
                return Recorded;
            }
        }
        if (_user is null) return Recorded;
        var input = settlement.Charge ? settlement.InputTokens : 0;
        var output = settlement.Charge ? settlement.OutputTokens : 0;
        var inputCost = reservation.Free ? 0m : input * reservation.Model.InputPricePerMillion / PerMillion;
        var outputCost = reservation.Free ? 0m : output * reservation.Model.OutputPricePerMillion / PerMillion;
        var total = inputCost + outputCost;

        var now = Now();
        _balance -= total;
        _totalSpent += total;
        _unflushedTokens += input + output;
        if (total > 0) AddBudgetSpend(reservation.ApiKeyId, total, now);
        _pendingLastUsed[reservation.ApiKeyId] = now;
        _pending.Add(new RequestRecord(Guid.NewGuid().ToString(), settlement.RequestId, UserId, reservation.ApiKeyId,
            reservation.Model.Id, reservation.Model.ExternalId, reservation.Endpoint, settlement.InputTokens,
            settlement.OutputTokens, inputCost, outputCost, total, settlement.StatusCode, settlement.ErrorType,
            settlement.LatencyMs, settlement.Streamed, now));
        _pendingSequences[settlement.RequestId] = ++_recordedSequence;
        var receipt = new SettleReceipt(_activation, _recordedSequence);
        await CorrectWindowAsync(settlement, reservation, input + output);
        if (total > 0) await UpgradeTierIfEarnedAsync();
        return receipt;
    }

    /// <summary>
    /// Gives the window the real token count, or the whole place back when nothing was charged. After
    /// the record is taken: a window grain that cannot be reached (its silo just died, and with it
    /// the counts this would correct) must not fail the settlement.
    /// </summary>
    private async Task CorrectWindowAsync(Settlement settlement, Reservation reservation, long usedTokens)
    {
        var window = LimitWindow(reservation.Model.Id);
        try
        {
            if (settlement.Charge)
                await window.SettleAsync(reservation.Tokens, usedTokens, reservation.MinuteStart, reservation.DayStart);
            else
                await window.ReleaseAsync(reservation.Tokens, reservation.MinuteStart, reservation.DayStart);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Correcting the limit window of request {RequestId} failed", settlement.RequestId);
        }
    }

    public async Task<long?> WaitUntilRecordedAsync(SettleReceipt receipt)
    {
        if (receipt.Activation != _activation) return null;
        if (receipt.Sequence > _flushedSequence) await Task.WhenAny(_nextFlush.Task, Task.Delay(RecordWaitLimit));
        return _flushedSequence;
    }

    /// <summary>A receipt for a settlement with nothing left to flush (already in MySQL, or its user is gone).</summary>
    private SettleReceipt Recorded => new(_activation, 0);

    private Reservation? ReservationOf(Settlement settlement, CatalogIndex index) =>
        index.FindModel(settlement.ModelId) is not { } model
            ? null
            : new Reservation(settlement.ApiKeyId, model, model.IsFree || index.FindTier(_user!.tier_id)?.IsFree == true,
                settlement.ReservedTokens, 0m, settlement.MinuteWindowStart, settlement.DayWindowStart, settlement.Endpoint, Now());

    /// <summary>
    /// Writes pending records with the money they moved in one transaction; keeps them on failure.
    /// The timer runs it interleaved, so admissions go on while MySQL writes: the batch is a snapshot,
    /// and records, budgets and key uses that arrive meanwhile wait for the next flush.
    /// </summary>
    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        ReleaseAbandonedReservations();
        if (_flushing || (_pending.Count == 0 && _dirtyBudgets.Count == 0) || _user is null) return;
        _flushing = true;
        var records = _pending.ToList();
        var dirtyBudgets = _dirtyBudgets.ToList();
        var lastUsed = new Dictionary<string, DateTime>(_pendingLastUsed);
        _dirtyBudgets.Clear();
        _pendingLastUsed.Clear();
        var batch = new ChargeBatch(records, records.Sum(r => (long)r.InputTokens + r.OutputTokens),
            UsageMonth(Now()), dirtyBudgets.Select(id => _budgets[id]).ToList(), lastUsed, _lastFlushFailed);
        try
        {
            // Off the activation's scheduler: building and sending a batch of a thousand rows takes
            // milliseconds of CPU, and admissions of this user must not queue behind it. The batch is immutable.
            await Task.Run(() => repository.WriteChargesAsync(UserId, batch));
            _lastFlushFailed = false;
        }
        catch (Exception ex)
        {
            _lastFlushFailed = true;
            logger.LogWarning(ex, "Writing {Count} request records of user {UserId} failed; retrying at the next flush", records.Count, UserId);
            _dirtyBudgets.UnionWith(dirtyBudgets);
            foreach (var (keyId, used) in lastUsed) _pendingLastUsed.TryAdd(keyId, used);
            return;
        }
        finally
        {
            _flushing = false;
        }
        if (_user is null) return; // deleted while writing
        _pending.RemoveRange(0, records.Count);
        ApplyFlushed(batch);
        MarkFlushed(records);
    }

    /// <summary>Waits for a flush the timer has under way (deactivation must not race it).</summary>
    private async Task WaitForRunningFlushAsync()
    {
        for (var i = 0; _flushing && i < 600; i++) await Task.Delay(50);
    }

    private void MarkFlushed(IReadOnlyCollection<RequestRecord> records)
    {
        foreach (var record in records) _pendingSequences.Remove(record.RequestId);
        _flushedSequence += records.Count;
        var flushed = _nextFlush;
        _nextFlush = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        flushed.SetResult();
    }

    /// <summary>The user is deleted: its unflushed records go with it, and nobody needs to wait for them.</summary>
    private void ForgetPendingRecords()
    {
        MarkFlushed(_pending);
        _pending.Clear();
        _reservations.Clear();
    }

    private void ApplyFlushed(ChargeBatch batch)
    {
        var u = _user!;
        var used = u.usage_month == batch.UsageMonth ? u.monthly_tokens_used + batch.Tokens : batch.Tokens;
        _user = u with { monthly_tokens_used = used, usage_month = batch.UsageMonth };
        _unflushedTokens -= batch.Tokens;
    }

    private void ReleaseAbandonedReservations()
    {
        var cutoff = Now() - recording.Value.ReservationTimeout;
        foreach (var (id, reservation) in _reservations.Where(r => r.Value.CreatedAt < cutoff).ToList())
        {
            _reservations.Remove(id);
            LimitWindow(reservation.Model.Id).ReleaseAsync(reservation.Tokens, reservation.MinuteStart, reservation.DayStart).Ignore();
        }
    }

    private async Task UpgradeTierIfEarnedAsync()
    {
        var index = catalog.Current;
        if (_user is not { } u || index.FindTier(u.tier_id) is not { } current) return;
        var earned = index.TiersCheapestFirst
            .Where(t => t.SortOrder > current.SortOrder && t.UpgradeThreshold is { } threshold && _totalSpent >= threshold)
            .LastOrDefault();
        if (earned is null) return;
        logger.LogInformation("User {UserId} reached {Spent} USD and moves from {From} to {To}", UserId, _totalSpent, current.Name, earned.Name);
        await SaveProfileAsync(u with { tier_id = earned.Id });
    }

    private ILimitWindowGrain LimitWindow(string modelId) =>
        GrainFactory.GetHotGrain<ILimitWindowGrain>(GrainKeys.LimitWindow(UserId, modelId));

    private static bool KeyAllows(ApiKeyRow key, CatalogModel model) =>
        System.Text.Json.JsonSerializer.Deserialize<List<string>>(key.models!)?.Any(m =>
            string.Equals(m, model.ExternalId, StringComparison.Ordinal) || string.Equals(m, model.Id, StringComparison.Ordinal)) == true;

    private static decimal Cost(CatalogModel model, long inputTokens, long outputTokens) =>
        (inputTokens * model.InputPricePerMillion + outputTokens * model.OutputPricePerMillion) / PerMillion;

    private static bool TooLargeForWindow(WindowLimits limits, long tokens) =>
        (limits.TokensPerMinute > 0 && tokens > limits.TokensPerMinute) || (limits.TokensPerDay > 0 && tokens > limits.TokensPerDay);

    private static string RateLimitMessage(WindowDecision window, string? tierName)
    {
        var what = window.RejectedBy switch
        {
            WindowMeasure.RequestsPerMinute => "requests per minute",
            WindowMeasure.RequestsPerDay => "requests per day",
            WindowMeasure.TokensPerMinute => "tokens per minute",
            _ => "tokens per day",
        };
        return $"Rate limit reached for {what} on your tier ({tierName}). Try again after {window.RetryAt:O}.";
    }

    private decimal ReservedCost()
    {
        var sum = 0m;
        foreach (var r in _reservations.Values) sum += r.Cost;
        return sum;
    }

    private long ReservedTokens()
    {
        var sum = 0L;
        foreach (var r in _reservations.Values) sum += r.Tokens;
        return sum;
    }

    private long MonthlyTokensUsed()
    {
        var u = _user!;
        var flushed = u.usage_month == UsageMonth(Now()) ? u.monthly_tokens_used : 0;
        return flushed + _unflushedTokens;
    }

    private static string UsageMonth(DateTime now) => UserProfiles.UsageMonth(now);
}
