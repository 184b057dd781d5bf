namespace OneAIHub.Grains.Interfaces.Users;

/// <summary>An admin's user search: text in email or display name, exact role, tier id and status; pages from 1.</summary>
[GenerateSerializer, Immutable, Alias("oneaihub.user-search")]
public sealed record UserSearch(
    [property: Id(0)] string? Text,
    [property: Id(1)] string? Role,
    [property: Id(2)] string? TierId,
    [property: Id(3)] string? Status,
    [property: Id(4)] int Page,
    [property: Id(5)] int PageSize);

[GenerateSerializer, Immutable, Alias("oneaihub.user-page")]
public sealed record UserPage(
    [property: Id(0)] IReadOnlyList<UserProfile> Items,
    [property: Id(1)] int Total);
