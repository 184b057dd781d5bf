using OneAIHub.Grains.Interfaces.Admin;
using OneAIHub.Grains.Interfaces.Catalog;
using OneAIHub.WebApi.Catalog;

namespace OneAIHub.WebApi.Admin;

/// <summary>A model as admins see it: the public summary plus the override and LiteLLM's own prices.</summary>
public sealed record AdminModelDto : ModelSummaryDto
{
    public AdminModelDto(ModelSummaryDto summary, CatalogModel model) : base(summary)
    {
        Config = model.HasConfig
            ? new ModelConfigValues(model.IsEnabled, model.IsFree, model.InputPricePerMillion, model.OutputPricePerMillion)
            : null;
        LiteLlmInputPricePerMillion = model.LiteLLMInputPricePerMillion;
        LiteLlmOutputPricePerMillion = model.LiteLLMOutputPricePerMillion;
        LastSyncedAt = model.LastSyncedAt;
    }

    /// <summary>The admin's override; null when LiteLLM's prices apply.</summary>
    public ModelConfigValues? Config { get; }

    public decimal? LiteLlmInputPricePerMillion { get; }

    public decimal? LiteLlmOutputPricePerMillion { get; }

    public DateTime? LastSyncedAt { get; }

    public static AdminModelDto From(CatalogIndex index, CatalogModel model) => new(CatalogMapping.Summary(index, model), model);
}

public sealed record ModelConfigRequest(
    string? ModelId, bool? IsEnabled, bool? IsFree, decimal? InputPricePerMillion, decimal? OutputPricePerMillion);

public sealed record TierRequest(string? Name, string? Description, bool? IsFree, decimal? Price, int? SortOrder, decimal? UpgradeThreshold);

public sealed record RateLimitRequest(
    string? ModelId, string? TierId, int? RequestsPerMinute, int? RequestsPerDay, int? TokensPerMinute, int? TokensPerDay);
