namespace OneAIHub.Grains.Interfaces.Admin;

public enum CatalogEditOutcome
{
    Done,
    NotFound,
    Conflict,
    InvalidReference,
}

/// <summary>
/// The answer to an admin's catalog edit: the row as it is now (or as it was, for a delete), or
/// why nothing changed. <see cref="Field"/> names the request field an invalid reference came from.
/// </summary>
[GenerateSerializer, Immutable, Alias("oneaihub.catalog-edit`1")]
public sealed record CatalogEdit<T>(
    [property: Id(0)] CatalogEditOutcome Outcome,
    [property: Id(1)] T? Value,
    [property: Id(2)] string? Message,
    [property: Id(3)] string? Field)
    where T : class
{
    public static CatalogEdit<T> Done(T value) => new(CatalogEditOutcome.Done, value, null, null);

    public static CatalogEdit<T> NotFound(string message) => new(CatalogEditOutcome.NotFound, null, message, null);

    public static CatalogEdit<T> Conflict(string message) => new(CatalogEditOutcome.Conflict, null, message, null);

    public static CatalogEdit<T> InvalidReference(string field, string message) =>
        new(CatalogEditOutcome.InvalidReference, null, message, field);
}

/// <summary>An admin's override of a model's prices (per million tokens) and flags.</summary>
[GenerateSerializer, Immutable, Alias("oneaihub.model-config-values")]
public sealed record ModelConfigValues(
    [property: Id(0)] bool IsEnabled,
    [property: Id(1)] bool IsFree,
    [property: Id(2)] decimal InputPricePerMillion,
    [property: Id(3)] decimal OutputPricePerMillion);

[GenerateSerializer, Immutable, Alias("oneaihub.tier-values")]
public sealed record TierValues(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Description,
    [property: Id(2)] bool IsFree,
    [property: Id(3)] decimal Price,
    [property: Id(4)] int SortOrder,
    [property: Id(5)] decimal? UpgradeThreshold);

/// <summary>One tier's limits on one model; 0 means no limit on that measure.</summary>
[GenerateSerializer, Immutable, Alias("oneaihub.rate-limit-values")]
public sealed record RateLimitValues(
    [property: Id(0)] string ModelId,
    [property: Id(1)] string TierId,
    [property: Id(2)] int RequestsPerMinute,
    [property: Id(3)] int RequestsPerDay,
    [property: Id(4)] int TokensPerMinute,
    [property: Id(5)] int TokensPerDay);
