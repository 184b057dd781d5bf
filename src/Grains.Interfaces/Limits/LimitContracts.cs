namespace OneAIHub.Grains.Interfaces.Limits;

/// <summary>A tier's limits on one model. Zero means no limit on that measure.</summary>
[GenerateSerializer, Immutable, Alias("oneaihub.window-limits")]
public sealed record WindowLimits(
    [property: Id(0)] int RequestsPerMinute,
    [property: Id(1)] int RequestsPerDay,
    [property: Id(2)] int TokensPerMinute,
    [property: Id(3)] int TokensPerDay);

public enum WindowMeasure
{
    None,
    RequestsPerMinute,
    RequestsPerDay,
    TokensPerMinute,
    TokensPerDay,
}

/// <summary>
/// The answer of a window check, with what OpenAI-style rate-limit headers need.
/// Header values describe the minute windows; a zero limit is reported as unlimited (-1).
/// </summary>
[GenerateSerializer, Immutable, Alias("oneaihub.window-decision")]
public sealed record WindowDecision(
    [property: Id(0)] bool Admitted,
    [property: Id(1)] WindowMeasure RejectedBy,
    [property: Id(2)] int RequestsLimit,
    [property: Id(3)] int RequestsRemaining,
    [property: Id(4)] DateTime RequestsResetAt,
    [property: Id(5)] int TokensLimit,
    [property: Id(6)] int TokensRemaining,
    [property: Id(7)] DateTime TokensResetAt,
    [property: Id(8)] DateTime? RetryAt,
    [property: Id(9)] DateTime MinuteWindowStart,
    [property: Id(10)] DateTime DayWindowStart);

/// <summary>Live use of a user's windows on one model, for the dashboard.</summary>
[GenerateSerializer, Immutable, Alias("oneaihub.window-usage")]
public sealed record WindowUsage(
    [property: Id(0)] int RequestsThisMinute,
    [property: Id(1)] int RequestsToday,
    [property: Id(2)] long TokensThisMinute,
    [property: Id(3)] long TokensToday,
    [property: Id(4)] DateTime MinuteResetAt,
    [property: Id(5)] DateTime DayResetAt);
