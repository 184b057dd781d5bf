using OneAIHub.Grains.Interfaces.Catalog;

namespace OneAIHub.Grains.Interfaces.Admin;

/// <summary>
/// Admin overrides of LiteLLM's prices and flags (stateless worker, key 0; rows in <c>model_configs</c>).
/// Each change is audited and refreshes the catalog grain before it answers.
/// </summary>
public interface IModelConfigAdminGrain : IGrainWithIntegerKey
{
    /// <summary>Conflict when the model already has a config; NotFound for an unknown model.</summary>
    Task<CatalogEdit<ModelConfigValues>> CreateAsync(Actor actor, string modelId, ModelConfigValues values);

    /// <summary>Replaces the model's config, creating it when the model has none.</summary>
    Task<CatalogEdit<ModelConfigValues>> UpdateAsync(Actor actor, string modelId, ModelConfigValues values);

    /// <summary>Removes the override so LiteLLM's prices apply again; the value is the removed config.</summary>
    Task<CatalogEdit<ModelConfigValues>> DeleteAsync(Actor actor, string modelId);
}
