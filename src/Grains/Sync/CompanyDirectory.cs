using OneAIHub.Grains.Catalog;

namespace OneAIHub.Grains.Sync;

/// <summary>The companies of one run by LiteLLM provider id, creating a provider's company the first time it is needed.</summary>
public sealed class CompanyDirectory(CatalogSyncSession session, IEnumerable<CatalogSyncSession.CompanyRow> rows)
{
    private readonly Dictionary<string, CatalogSyncSession.CompanyRow> _byProvider =
        rows.ToDictionary(r => r.external_id, StringComparer.OrdinalIgnoreCase);

    public int Created { get; private set; }

    public CatalogSyncSession.CompanyRow? Find(string providerId) => _byProvider.GetValueOrDefault(providerId);

    public async Task<CatalogSyncSession.CompanyRow> EnsureAsync(string providerId)
    {
        if (_byProvider.TryGetValue(providerId, out var row)) return row;
        row = await session.InsertCompanyAsync(KnownProviders.Get(providerId));
        _byProvider[row.external_id] = row;
        Created++;
        return row;
    }
}
