namespace OneAIHub.Grains.Interfaces.Users;

[GenerateSerializer, Immutable, Alias("oneaihub.user-profile")]
public sealed record UserProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Email,
    [property: Id(2)] string? DisplayName,
    [property: Id(3)] string Role,
    [property: Id(4)] string TierId,
    [property: Id(5)] string TierName,
    [property: Id(6)] string Status,
    [property: Id(7)] DateTime? FreeTierRequestedAt,
    [property: Id(8)] decimal Balance,
    [property: Id(9)] decimal TotalSpent,
    [property: Id(10)] long? MonthlyTokenLimit,
    [property: Id(11)] long MonthlyTokensUsed,
    [property: Id(12)] DateTime CreatedAt,
    [property: Id(13)] DateTime UpdatedAt);

[GenerateSerializer, Immutable, Alias("oneaihub.new-user")]
public sealed record NewUser(
    [property: Id(0)] string Email,
    [property: Id(1)] string PasswordHash,
    [property: Id(2)] string? DisplayName,
    [property: Id(3)] string Role,
    [property: Id(4)] string? TierId,
    [property: Id(5)] string Status,
    [property: Id(6)] bool RequestFreeTier);

public enum CreateUserOutcome
{
    Created,
    EmailTaken,
    UnknownTier,
}

[GenerateSerializer, Immutable, Alias("oneaihub.create-user-result")]
public sealed record CreateUserResult(
    [property: Id(0)] CreateUserOutcome Outcome,
    [property: Id(1)] UserProfile? Profile);

/// <summary>An admin's change to a user; null members are left as they are.</summary>
[GenerateSerializer, Immutable, Alias("oneaihub.user-update")]
public sealed record UserUpdate(
    [property: Id(0)] string? Role,
    [property: Id(1)] string? TierId,
    [property: Id(2)] string? Status,
    [property: Id(3)] string? DisplayName,
    [property: Id(4)] long? MonthlyTokenLimit,
    [property: Id(5)] bool ClearMonthlyTokenLimit);

/// <summary>What login needs: the stored hash and enough to issue a token.</summary>
[GenerateSerializer, Immutable, Alias("oneaihub.user-credentials")]
public sealed record UserCredentials(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Email,
    [property: Id(2)] string PasswordHash,
    [property: Id(3)] string Role);
