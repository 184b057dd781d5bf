using OneAIHub.Grains.Interfaces.Catalog;

namespace OneAIHub.WebApi.Catalog;

public sealed record CompanyDto(string Id, string ExternalId, string Name, string? Description, string? LogoKey, string? Website, int ModelCount);

// Not sealed: the admin API's AdminModelDto extends it through the record copy constructor.
public record ModelSummaryDto(
    string Id, string ExternalId, string Name, string CompanyId, string CompanyName, string? CompanyLogoKey, string? Mode, int? ContextWindow,
    int? MaxOutputTokens, decimal InputPricePerMillion, decimal OutputPricePerMillion, bool IsFree, bool IsAvailable,
    IReadOnlyList<string> Capabilities, IReadOnlyList<string> Tiers);

public sealed record TierLimitDto(string TierId, string TierName, int RequestsPerMinute, int RequestsPerDay, int TokensPerMinute,
    int TokensPerDay, bool Inherited);

public sealed record ModelDetailDto(
    string Id, string ExternalId, string Name, string CompanyId, string CompanyName, string? CompanyLogoKey, string? Mode, int? ContextWindow,
    int? MaxOutputTokens, decimal InputPricePerMillion, decimal OutputPricePerMillion, bool IsFree, bool IsAvailable,
    IReadOnlyList<string> Capabilities, IReadOnlyList<string> Tiers, string? Description, IReadOnlyList<TierLimitDto> Limits)
{
    public static ModelDetailDto From(ModelSummaryDto s, string? description, IReadOnlyList<TierLimitDto> limits) => new(
        s.Id, s.ExternalId, s.Name, s.CompanyId, s.CompanyName, s.CompanyLogoKey, s.Mode, s.ContextWindow, s.MaxOutputTokens,
        s.InputPricePerMillion, s.OutputPricePerMillion, s.IsFree, s.IsAvailable, s.Capabilities, s.Tiers, description, limits);
}

public sealed record TierDto(string Id, string Name, string? Description, bool IsFree, decimal Price, int SortOrder, decimal? UpgradeThreshold);

public sealed record RateLimitDto(string Id, string ModelId, string ModelName, string TierId, string TierName, int RequestsPerMinute,
    int RequestsPerDay, int TokensPerMinute, int TokensPerDay);

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary>Turns catalog records into the API's shapes.</summary>
public static class CatalogMapping
{
    public static ModelSummaryDto Summary(CatalogIndex index, CatalogModel m) => new(
        m.Id, m.ExternalId, m.Name, m.CompanyId, index.FindCompany(m.CompanyId)?.Name ?? "", index.FindCompany(m.CompanyId)?.LogoKey, m.Mode, m.ContextWindow,
        m.MaxOutputTokens, m.InputPricePerMillion, m.OutputPricePerMillion, m.IsFree, m.IsAvailable, m.Capabilities,
        index.TiersFor(m.Id).Select(t => t.Name).ToList());

    public static IReadOnlyList<TierLimitDto> Limits(CatalogIndex index, CatalogModel m) =>
        index.TiersCheapestFirst
            .Select(t => (Tier: t, Limit: index.FindEffectiveLimit(t.Id, m.Id)))
            .Where(x => x.Limit is not null)
            .Select(x => new TierLimitDto(x.Tier.Id, x.Tier.Name, x.Limit!.Limit.RequestsPerMinute, x.Limit.Limit.RequestsPerDay,
                x.Limit.Limit.TokensPerMinute, x.Limit.Limit.TokensPerDay, x.Limit.Inherited))
            .ToList();

    public static TierDto Tier(CatalogTier t) => new(t.Id, t.Name, t.Description, t.IsFree, t.Price, t.SortOrder, t.UpgradeThreshold);

    public static RateLimitDto RateLimit(CatalogIndex index, CatalogRateLimit l) => new(l.Id, l.ModelId,
        index.FindModel(l.ModelId)?.Name ?? "", l.TierId, index.FindTier(l.TierId)?.Name ?? "", l.RequestsPerMinute,
        l.RequestsPerDay, l.TokensPerMinute, l.TokensPerDay);
}
