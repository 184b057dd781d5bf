using Microsoft.Extensions.Options;
using OneAIHub.Grains.Interfaces.Limits;

namespace OneAIHub.Grains.Limits;

/// <summary>
/// Exact fixed-window limits for one user on one model. Decisions are made in memory (no I/O on
/// the admit path); the counters are written to grain storage by a timer when they changed, so a
/// silo crash loses at most one persist interval of them.
/// </summary>
[GrainType("limit-window")]
public sealed class LimitWindowGrain(
    [PersistentState("limit-window", "Default")] IPersistentState<LimitWindowState> state,
    IOptions<LimitOptions> options,
    TimeProvider time) : Grain, ILimitWindowGrain
{
    private bool _dirty;
    private bool _persisting;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Interleaved: admissions go on while grain storage writes (the state is serialized when the write starts).
        this.RegisterGrainTimer(PersistIfDirtyAsync, new GrainTimerCreationOptions(options.Value.PersistInterval, options.Value.PersistInterval)
        {
            Interleave = true,
        });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        for (var i = 0; _persisting && i < 600; i++) await Task.Delay(50, CancellationToken.None);
        if (_dirty) await state.WriteStateAsync(cancellationToken);
    }

    public Task<WindowDecision> TryAdmitAsync(WindowLimits limits, long tokens)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var s = Roll(now);
        var rejectedBy = FirstExceeded(limits, s, tokens);
        if (rejectedBy == WindowMeasure.None)
        {
            s.MinuteRequests++;
            s.DayRequests++;
            s.MinuteTokens += tokens;
            s.DayTokens += tokens;
            _dirty = true;
        }
        return Task.FromResult(Decide(limits, s, rejectedBy));
    }

    public Task SettleAsync(long reservedTokens, long actualTokens, DateTime minuteWindowStart, DateTime dayWindowStart)
    {
        Adjust(actualTokens - reservedTokens, 0, minuteWindowStart, dayWindowStart);
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(long reservedTokens, DateTime minuteWindowStart, DateTime dayWindowStart)
    {
        Adjust(-reservedTokens, -1, minuteWindowStart, dayWindowStart);
        return Task.CompletedTask;
    }

    public Task<WindowUsage> GetUsageAsync()
    {
        var s = Roll(time.GetUtcNow().UtcDateTime);
        return Task.FromResult(new WindowUsage(
            s.MinuteRequests, s.DayRequests, s.MinuteTokens, s.DayTokens,
            s.MinuteStart.AddMinutes(1), s.DayStart.AddDays(1)));
    }

    /// <summary>Corrects only windows that are still current: a closed window keeps what it counted.</summary>
    private void Adjust(long tokenDelta, int requestDelta, DateTime minuteWindowStart, DateTime dayWindowStart)
    {
        var s = Roll(time.GetUtcNow().UtcDateTime);
        if (s.MinuteStart == minuteWindowStart)
        {
            s.MinuteTokens = Math.Max(0, s.MinuteTokens + tokenDelta);
            s.MinuteRequests = Math.Max(0, s.MinuteRequests + requestDelta);
        }
        if (s.DayStart == dayWindowStart)
        {
            s.DayTokens = Math.Max(0, s.DayTokens + tokenDelta);
            s.DayRequests = Math.Max(0, s.DayRequests + requestDelta);
        }
        _dirty = true;
    }

    private LimitWindowState Roll(DateTime now)
    {
        var s = state.State;
        var minute = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        if (s.MinuteStart != minute)
        {
            s.MinuteStart = minute;
            s.MinuteRequests = 0;
            s.MinuteTokens = 0;
        }
        var day = now.Date;
        if (s.DayStart != day)
        {
            s.DayStart = DateTime.SpecifyKind(day, DateTimeKind.Utc);
            s.DayRequests = 0;
            s.DayTokens = 0;
        }
        return s;
    }

    private static WindowMeasure FirstExceeded(WindowLimits limits, LimitWindowState s, long tokens)
    {
        if (limits.RequestsPerMinute > 0 && s.MinuteRequests + 1 > limits.RequestsPerMinute) return WindowMeasure.RequestsPerMinute;
        if (limits.RequestsPerDay > 0 && s.DayRequests + 1 > limits.RequestsPerDay) return WindowMeasure.RequestsPerDay;
        if (limits.TokensPerMinute > 0 && s.MinuteTokens + tokens > limits.TokensPerMinute) return WindowMeasure.TokensPerMinute;
        if (limits.TokensPerDay > 0 && s.DayTokens + tokens > limits.TokensPerDay) return WindowMeasure.TokensPerDay;
        return WindowMeasure.None;
    }

    private static WindowDecision Decide(WindowLimits limits, LimitWindowState s, WindowMeasure rejectedBy)
    {
        var minuteReset = s.MinuteStart.AddMinutes(1);
        var dayReset = s.DayStart.AddDays(1);
        DateTime? retryAt = rejectedBy switch
        {
            WindowMeasure.RequestsPerMinute or WindowMeasure.TokensPerMinute => minuteReset,
            WindowMeasure.RequestsPerDay or WindowMeasure.TokensPerDay => dayReset,
            _ => null,
        };
        return new WindowDecision(
            Admitted: rejectedBy == WindowMeasure.None,
            RejectedBy: rejectedBy,
            RequestsLimit: Report(limits.RequestsPerMinute),
            RequestsRemaining: Remaining(limits.RequestsPerMinute, s.MinuteRequests),
            RequestsResetAt: minuteReset,
            TokensLimit: Report(limits.TokensPerMinute),
            TokensRemaining: (int)Math.Min(int.MaxValue, Remaining(limits.TokensPerMinute, s.MinuteTokens)),
            TokensResetAt: minuteReset,
            RetryAt: retryAt,
            MinuteWindowStart: s.MinuteStart,
            DayWindowStart: s.DayStart);
    }

    private static int Report(int limit) => limit > 0 ? limit : -1;

    private static int Remaining(int limit, long used) => limit > 0 ? (int)Math.Max(0, limit - used) : -1;

    private async Task PersistIfDirtyAsync(CancellationToken cancellationToken)
    {
        if (!_dirty || _persisting) return;
        _dirty = false;
        _persisting = true;
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            _dirty = true;
            throw;
        }
        finally
        {
            _persisting = false;
        }
    }
}
