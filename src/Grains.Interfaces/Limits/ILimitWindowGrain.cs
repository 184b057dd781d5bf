using Orleans.Concurrency;

namespace OneAIHub.Grains.Interfaces.Limits;

/// <summary>
/// The minute and day windows of one user on one model (key: <see cref="GrainKeys.LimitWindow"/>).
/// One activation decides for its key, so limits hold across every WebApi and silo.
/// </summary>
public interface ILimitWindowGrain : IGrainWithStringKey
{
    /// <summary>Counts one request and reserves <paramref name="tokens"/> if every window has room.</summary>
    Task<WindowDecision> TryAdmitAsync(WindowLimits limits, long tokens);

    /// <summary>Replaces a reservation with the true usage, in the windows it was taken from (one-way: the caller does not wait).</summary>
    [OneWay]
    Task SettleAsync(long reservedTokens, long actualTokens, DateTime minuteWindowStart, DateTime dayWindowStart);

    /// <summary>Gives back a whole admission (upstream failure: the request did not count); one-way.</summary>
    [OneWay]
    Task ReleaseAsync(long reservedTokens, DateTime minuteWindowStart, DateTime dayWindowStart);

    [AlwaysInterleave]
    Task<WindowUsage> GetUsageAsync();
}
