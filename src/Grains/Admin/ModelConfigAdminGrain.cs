using Dapper;
using MySqlConnector;
using OneAIHub.Grains.Interfaces.Admin;
using Orleans.Concurrency;

namespace OneAIHub.Grains.Admin;

[StatelessWorker]
[GrainType("model-config-admin")]
public sealed class ModelConfigAdminGrain(MySqlDataSource dataSource, TimeProvider time) : Grain, IModelConfigAdminGrain
{
    private const string EntityType = "model_config";

    public Task<CatalogEdit<ModelConfigValues>> CreateAsync(Actor actor, string modelId, ModelConfigValues values) =>
        SaveAsync(actor, modelId, values, replaceExisting: false);

    public Task<CatalogEdit<ModelConfigValues>> UpdateAsync(Actor actor, string modelId, ModelConfigValues values) =>
        SaveAsync(actor, modelId, values, replaceExisting: true);

    public async Task<CatalogEdit<ModelConfigValues>> DeleteAsync(Actor actor, string modelId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (!await LockModelAsync(connection, transaction, modelId)) return UnknownModel(modelId);
        var before = await ReadAsync(connection, transaction, modelId);
        if (before is null) return CatalogEdit<ModelConfigValues>.NotFound("The model has no config; it already uses LiteLLM's prices.");

        await connection.ExecuteAsync("DELETE FROM model_configs WHERE model_id = @modelId", new { modelId }, transaction);
        await CatalogChanges.CommitAsync(transaction, GrainFactory, CatalogChanges.Audit(actor, "model_config.delete", EntityType, modelId, before, null));
        return CatalogEdit<ModelConfigValues>.Done(before);
    }

    private async Task<CatalogEdit<ModelConfigValues>> SaveAsync(Actor actor, string modelId, ModelConfigValues values, bool replaceExisting)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (!await LockModelAsync(connection, transaction, modelId)) return UnknownModel(modelId);
        var before = await ReadAsync(connection, transaction, modelId);
        if (before is not null && !replaceExisting)
            return CatalogEdit<ModelConfigValues>.Conflict("The model already has a config; change it with PUT /api/admin/model-configs/{modelId}.");

        var row = new
        {
            id = Guid.NewGuid().ToString(), modelId, values.IsEnabled, values.IsFree, values.InputPricePerMillion,
            values.OutputPricePerMillion, now = time.GetUtcNow().UtcDateTime,
        };
        await connection.ExecuteAsync(before is null
            ? """
              INSERT INTO model_configs (id, model_id, is_enabled, is_free, input_price_per_million, output_price_per_million, created_at, updated_at)
              VALUES (@id, @modelId, @IsEnabled, @IsFree, @InputPricePerMillion, @OutputPricePerMillion, @now, @now)
              """
            : """
              UPDATE model_configs SET is_enabled = @IsEnabled, is_free = @IsFree, input_price_per_million = @InputPricePerMillion,
                     output_price_per_million = @OutputPricePerMillion, updated_at = @now
               WHERE model_id = @modelId
              """, row, transaction);
        var action = before is null ? "model_config.create" : "model_config.update";
        await CatalogChanges.CommitAsync(transaction, GrainFactory, CatalogChanges.Audit(actor, action, EntityType, modelId, before, values));
        return CatalogEdit<ModelConfigValues>.Done(values);
    }

    /// <summary>Locks the model's row so edits of one model's config run one after another.</summary>
    private static async Task<bool> LockModelAsync(MySqlConnection connection, MySqlTransaction transaction, string modelId) =>
        await connection.ExecuteScalarAsync<string?>("SELECT id FROM models WHERE id = @modelId FOR UPDATE", new { modelId }, transaction) is not null;

    private static Task<ModelConfigValues?> ReadAsync(MySqlConnection connection, MySqlTransaction transaction, string modelId) =>
        connection.QuerySingleOrDefaultAsync<ModelConfigValues>("""
            SELECT is_enabled AS IsEnabled, is_free AS IsFree, input_price_per_million AS InputPricePerMillion,
                   output_price_per_million AS OutputPricePerMillion
              FROM model_configs WHERE model_id = @modelId
            """, new { modelId }, transaction);

    private static CatalogEdit<ModelConfigValues> UnknownModel(string modelId) => CatalogEdit<ModelConfigValues>.NotFound($"No model '{modelId}'.");
}
