namespace OneAIHub.Grains.Interfaces.Keys;

[GenerateSerializer, Immutable, Alias("oneaihub.api-key-info")]
public sealed record ApiKeyInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Prefix,
    [property: Id(3)] DateTime CreatedAt,
    [property: Id(4)] DateTime? ExpiresAt,
    [property: Id(5)] DateTime? RevokedAt,
    [property: Id(6)] DateTime? LastUsedAt,
    [property: Id(7)] IReadOnlyList<string>? Models);

[GenerateSerializer, Immutable, Alias("oneaihub.new-api-key")]
public sealed record NewApiKey(
    [property: Id(0)] string Name,
    [property: Id(1)] DateTime? ExpiresAt,
    [property: Id(2)] IReadOnlyList<string>? Models);

/// <summary>The plaintext key exists only in this answer; the hub keeps its SHA-256.</summary>
[GenerateSerializer, Immutable, Alias("oneaihub.created-api-key")]
public sealed record CreatedApiKey(
    [property: Id(0)] string Key,
    [property: Id(1)] ApiKeyInfo Info);

[GenerateSerializer, Immutable, Alias("oneaihub.api-key-owner")]
public sealed record ApiKeyOwner(
    [property: Id(0)] string UserId,
    [property: Id(1)] string ApiKeyId);
