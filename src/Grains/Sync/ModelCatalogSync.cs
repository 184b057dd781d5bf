namespace OneAIHub.Grains.Sync;

/// <summary>
/// The models run (seed 000, "Процесс синхронизации моделей"): new models are created with a default config at
/// LiteLLM's prices and their tiers' limits; known models get their base info updated only when it changed; admin
/// settings (configs, limits) are never touched; models gone from LiteLLM are marked unavailable, not deleted.
/// A run over an unchanged LiteLLM writes nothing.
/// </summary>
public static class ModelCatalogSync
{
    public static async Task<SyncCounts> ApplyAsync(CatalogSyncSession session, IReadOnlyList<UpstreamModel> upstream, DateTime now)
    {
        var companies = new CompanyDirectory(session, await session.LoadCompaniesAsync());
        var known = (await session.LoadModelsAsync()).ToDictionary(m => m.external_id, StringComparer.OrdinalIgnoreCase);
        int created = 0, updated = 0, unchanged = 0, removed = 0;

        foreach (var model in upstream)
        {
            if (known.Remove(model.ExternalId, out var row))
            {
                var companyId = companies.Find(model.ProviderId)?.id ?? (await companies.EnsureAsync(model.ProviderId)).id;
                var wanted = ModelBaseInfo.Of(model, companyId);
                if (wanted == ModelBaseInfo.Of(row))
                {
                    unchanged++;
                }
                else
                {
                    await session.UpdateModelAsync(row.id, wanted, now);
                    updated++;
                }
            }
            else
            {
                var company = await companies.EnsureAsync(model.ProviderId);
                await session.InsertModelAsync(Guid.NewGuid().ToString(), ModelBaseInfo.Of(model, company.id), model.ExternalId, now);
                created++;
            }
        }

        foreach (var gone in known.Values.Where(m => m.is_available))
        {
            await session.UpdateModelAsync(gone.id, ModelBaseInfo.Of(gone) with { IsAvailable = false }, now);
            removed++;
        }

        return new SyncCounts(created, updated, unchanged, removed, companies.Created);
    }
}
