using OneAIHub.Grains.Interfaces.Catalog;

namespace OneAIHub.Grains.Interfaces.Admin;

/// <summary>
/// Admin edits of subscription tiers (stateless worker, key 0). Each change is audited and
/// refreshes the catalog grain before it answers.
/// </summary>
public interface ITierAdminGrain : IGrainWithIntegerKey
{
    /// <summary>Conflict when another tier has the name.</summary>
    Task<CatalogEdit<CatalogTier>> CreateAsync(Actor actor, TierValues values);

    Task<CatalogEdit<CatalogTier>> UpdateAsync(Actor actor, string tierId, TierValues values);

    /// <summary>Conflict while users are on the tier; the tier's rate limits go with it.</summary>
    Task<CatalogEdit<CatalogTier>> DeleteAsync(Actor actor, string tierId);
}
