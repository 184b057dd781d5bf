namespace OneAIHub.Grains.Interfaces.Proxy;

public enum AdmitOutcome
{
    Admitted,
    InvalidKey,
    KeyExpired,
    KeyRevoked,
    ModelNotFound,
    ModelNotAllowedForKey,
    ModelNotInTier,
    ModelDisabled,
    PendingApproval,
    Suspended,
    RateLimited,
    RequestTooLarge,
    MonthlyTokenLimitReached,
    BudgetExceeded,
    InsufficientBalance,
}

[GenerateSerializer, Immutable, Alias("oneaihub.admit-request")]
public sealed record AdmitRequest(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string KeyHash,
    [property: Id(2)] string Model,
    [property: Id(3)] int PromptTokens,
    [property: Id(4)] int? MaxOutputTokens,
    [property: Id(5)] string Endpoint);

[GenerateSerializer, Immutable, Alias("oneaihub.admit-result")]
public sealed record AdmitResult(
    [property: Id(0)] AdmitOutcome Outcome,
    [property: Id(1)] string? Message,
    [property: Id(2)] string? ModelId,
    [property: Id(3)] string? UpstreamKey,
    [property: Id(4)] long ReservedTokens,
    [property: Id(5)] Limits.WindowDecision? Window,
    [property: Id(6)] string? TierName,
    [property: Id(7)] string? ApiKeyId)
{
    public bool Admitted => Outcome == AdmitOutcome.Admitted;

    public static AdmitResult Reject(AdmitOutcome outcome, string message, Limits.WindowDecision? window = null) =>
        new(outcome, message, null, null, 0, window, null, null);
}

/// <summary>
/// How an admitted request ended. <see cref="Charge"/> is false when the upstream failed. It repeats
/// what admission decided (key, model, endpoint, reserved tokens, windows), so an activation of the
/// user grain that never saw the admission (the one that did died with its silo) can still record it.
/// </summary>
[GenerateSerializer, Immutable, Alias("oneaihub.settlement")]
public sealed record Settlement(
    [property: Id(0)] string RequestId,
    [property: Id(1)] int InputTokens,
    [property: Id(2)] int OutputTokens,
    [property: Id(3)] int StatusCode,
    [property: Id(4)] string? ErrorType,
    [property: Id(5)] int LatencyMs,
    [property: Id(6)] bool Streamed,
    [property: Id(7)] bool Charge,
    [property: Id(8)] string ApiKeyId,
    [property: Id(9)] string ModelId,
    [property: Id(10)] string Endpoint,
    [property: Id(11)] long ReservedTokens,
    [property: Id(12)] DateTime MinuteWindowStart,
    [property: Id(13)] DateTime DayWindowStart);

/// <summary>Which activation of a user grain took a settlement, and the settlement's place among that activation's records.</summary>
[GenerateSerializer, Immutable, Alias("oneaihub.settle-receipt")]
public sealed record SettleReceipt(
    [property: Id(0)] Guid Activation,
    [property: Id(1)] long Sequence);
