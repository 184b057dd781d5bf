using OneAIHub.Grains.Catalog;

namespace OneAIHub.Grains.Sync;

/// <summary>The companies of one run by LiteLLM provider id, creating a provider's company the first time it is needed.</summary>
public sealed class CompanyDirectory(CatalogSyncSession session, IEnumerable<CompanyRow> rows)
{
    private readonly Dictionary<string, CompanyRow> _byProvider =
        rows.ToDictionary(r => r.external_id, StringComparer.OrdinalIgnoreCase);

    public int Created { get; private set; }

    public CompanyRow? Find(string providerId) => _byProvider.GetValueOrDefault(providerId);

    public async Task<CompanyRow> EnsureAsync(string providerId)
    {
        if (_byProvider.TryGetValue(providerId, out var row)) return row;
        row = await session.InsertCompanyAsync(KnownProviders.Get(providerId));
        _byProvider[row.external_id] = row;
        Created++;
        return row;
    }
}
