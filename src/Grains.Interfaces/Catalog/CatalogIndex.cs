using System.Collections.Frozen;

namespace OneAIHub.Grains.Interfaces.Catalog;

/// <summary>A tier's limits on one model, and whether they come from a cheaper tier's row.</summary>
public sealed record EffectiveLimit(CatalogRateLimit Limit, CatalogTier FromTier, bool Inherited);

/// <summary>
/// Read-only lookups over one <see cref="CatalogSnapshot"/>, built once per snapshot version.
/// Tier rule (seed rate-limits.md): a tier may use every model that it or a cheaper tier has a
/// row for; without a row of its own the nearest cheaper tier's row applies.
/// </summary>
public sealed class CatalogIndex
{
    private readonly FrozenDictionary<string, CatalogModel> _modelsByExternalId;
    private readonly FrozenDictionary<string, CatalogModel> _modelsById;
    private readonly FrozenDictionary<string, CatalogCompany> _companiesById;
    private readonly FrozenDictionary<string, CatalogTier> _tiersById;
    private readonly FrozenDictionary<(string TierId, string ModelId), CatalogRateLimit> _limits;
    private readonly IReadOnlyList<CatalogTier> _tiersCheapestFirst;

    public CatalogIndex(CatalogSnapshot snapshot)
    {
        Snapshot = snapshot;
        _modelsByExternalId = snapshot.Models.ToFrozenDictionary(m => m.ExternalId, StringComparer.Ordinal);
        _modelsById = snapshot.Models.ToFrozenDictionary(m => m.Id, StringComparer.Ordinal);
        _companiesById = snapshot.Companies.ToFrozenDictionary(c => c.Id, StringComparer.Ordinal);
        _tiersById = snapshot.Tiers.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);
        _limits = snapshot.RateLimits.ToFrozenDictionary(l => (l.TierId, l.ModelId));
        _tiersCheapestFirst = snapshot.Tiers.OrderBy(t => t.SortOrder).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
    }

    public static CatalogIndex Empty { get; } = new(CatalogSnapshot.Empty);

    public CatalogSnapshot Snapshot { get; }

    public long Version => Snapshot.Version;

    public IReadOnlyList<CatalogTier> TiersCheapestFirst => _tiersCheapestFirst;

    public CatalogModel? FindModelByExternalId(string externalId) =>
        _modelsByExternalId.GetValueOrDefault(externalId);

    public CatalogModel? FindModel(string id) => _modelsById.GetValueOrDefault(id);

    public CatalogCompany? FindCompany(string id) => _companiesById.GetValueOrDefault(id);

    public CatalogTier? FindTier(string id) => _tiersById.GetValueOrDefault(id);

    /// <summary>The limits a tier has on a model, own or inherited; null when the tier may not use it.</summary>
    public EffectiveLimit? FindEffectiveLimit(string tierId, string modelId)
    {
        if (!_tiersById.TryGetValue(tierId, out var tier)) return null;
        for (var i = IndexOf(tier); i >= 0; i--)
        {
            var candidate = _tiersCheapestFirst[i];
            if (_limits.TryGetValue((candidate.Id, modelId), out var limit))
                return new EffectiveLimit(limit, candidate, candidate.Id != tierId);
        }
        return null;
    }

    /// <summary>Every tier that may use the model, cheapest first.</summary>
    public IReadOnlyList<CatalogTier> TiersFor(string modelId) =>
        _tiersCheapestFirst.Where(t => FindEffectiveLimit(t.Id, modelId) is not null).ToList();

    /// <summary>A model that people can call: synced, enabled and offered to at least one tier.</summary>
    public bool IsOffered(CatalogModel model) =>
        model.IsAvailable && model.IsEnabled && _tiersCheapestFirst.Any(t => _limits.ContainsKey((t.Id, model.Id)));

    private int IndexOf(CatalogTier tier)
    {
        for (var i = 0; i < _tiersCheapestFirst.Count; i++)
            if (_tiersCheapestFirst[i].Id == tier.Id) return i;
        return -1;
    }
}
