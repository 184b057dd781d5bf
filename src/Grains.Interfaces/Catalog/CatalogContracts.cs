namespace OneAIHub.Grains.Interfaces.Catalog;

[GenerateSerializer, Immutable, Alias("oneaihub.catalog-company")]
public sealed record CatalogCompany(
    [property: Id(0)] string Id,
    [property: Id(1)] string ExternalId,
    [property: Id(2)] string Name,
    [property: Id(3)] string? Description,
    [property: Id(4)] string? LogoKey,
    [property: Id(5)] string? Website);

[GenerateSerializer, Immutable, Alias("oneaihub.catalog-model")]
public sealed record CatalogModel(
    [property: Id(0)] string Id,
    [property: Id(1)] string ExternalId,
    [property: Id(2)] string Name,
    [property: Id(3)] string CompanyId,
    [property: Id(4)] string? Description,
    [property: Id(5)] string? Mode,
    [property: Id(6)] int? ContextWindow,
    [property: Id(7)] int? MaxOutputTokens,
    [property: Id(8)] IReadOnlyList<string> Capabilities,
    [property: Id(9)] bool IsAvailable,
    [property: Id(10)] bool IsEnabled,
    [property: Id(11)] bool IsFree,
    [property: Id(12)] decimal InputPricePerMillion,
    [property: Id(13)] decimal OutputPricePerMillion,
    [property: Id(14)] decimal? LiteLLMInputPricePerMillion,
    [property: Id(15)] decimal? LiteLLMOutputPricePerMillion,
    [property: Id(16)] DateTime? LastSyncedAt,
    // True when an admin's model_configs row sets the prices and flags instead of LiteLLM.
    [property: Id(17)] bool HasConfig = false);

[GenerateSerializer, Immutable, Alias("oneaihub.catalog-tier")]
public sealed record CatalogTier(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Description,
    [property: Id(3)] bool IsFree,
    [property: Id(4)] decimal Price,
    [property: Id(5)] int SortOrder,
    [property: Id(6)] decimal? UpgradeThreshold);

[GenerateSerializer, Immutable, Alias("oneaihub.catalog-rate-limit")]
public sealed record CatalogRateLimit(
    [property: Id(0)] string Id,
    [property: Id(1)] string ModelId,
    [property: Id(2)] string TierId,
    [property: Id(3)] int RequestsPerMinute,
    [property: Id(4)] int RequestsPerDay,
    [property: Id(5)] int TokensPerMinute,
    [property: Id(6)] int TokensPerDay);

/// <summary>Everything the hot path and the public catalog read, as one immutable value.</summary>
[GenerateSerializer, Immutable, Alias("oneaihub.catalog-snapshot")]
public sealed record CatalogSnapshot(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyList<CatalogCompany> Companies,
    [property: Id(2)] IReadOnlyList<CatalogModel> Models,
    [property: Id(3)] IReadOnlyList<CatalogTier> Tiers,
    [property: Id(4)] IReadOnlyList<CatalogRateLimit> RateLimits)
{
    public static CatalogSnapshot Empty { get; } = new(0, [], [], [], []);
}
