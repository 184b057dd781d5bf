using OneAIHub.Grains.Interfaces.Catalog;

namespace OneAIHub.Grains.Interfaces.Admin;

/// <summary>
/// Admin edits of per-model, per-tier limits (stateless worker, key 0). Each change is audited
/// and refreshes the catalog grain, from which the proxy takes the limits of its next request.
/// </summary>
public interface IRateLimitAdminGrain : IGrainWithIntegerKey
{
    /// <summary>Conflict when the tier already has limits on the model; InvalidReference for an unknown model or tier.</summary>
    Task<CatalogEdit<CatalogRateLimit>> CreateAsync(Actor actor, RateLimitValues values);

    Task<CatalogEdit<CatalogRateLimit>> UpdateAsync(Actor actor, string rateLimitId, RateLimitValues values);

    Task<CatalogEdit<CatalogRateLimit>> DeleteAsync(Actor actor, string rateLimitId);
}
