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

/// <summary>How an admitted request ended. <see cref="Charge"/> is false when the upstream failed.</summary>
[GenerateSerializer, Immutable, Alias("oneaihub.settlement")]
public sealed record Settlement(
    [property: Id(0)] string RequestId,
    [property: Id(1)] int InputTokens,
    [property: Id(2)] int OutputTokens,
    [property: Id(3)] int StatusCode,
    [property: Id(4)] string? ErrorType,
    [property: Id(5)] int LatencyMs,
    [property: Id(6)] bool Streamed,
    [property: Id(7)] bool Charge);
