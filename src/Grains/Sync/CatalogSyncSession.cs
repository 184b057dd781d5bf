using System.Data;
using Dapper;
using MySqlConnector;
using OneAIHub.Grains.Catalog;

namespace OneAIHub.Grains.Sync;

/// <summary>The SQL of one sync run, all in one transaction: nothing is written unless the whole run commits.</summary>
public sealed class CatalogSyncSession : IAsyncDisposable
{
    private readonly MySqlConnection _connection;
    private readonly MySqlTransaction _transaction;

    private CatalogSyncSession(MySqlConnection connection, MySqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<CatalogSyncSession> BeginAsync(MySqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            return new CatalogSyncSession(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task CommitAsync() => _transaction.CommitAsync();

    public async Task<List<CompanyRow>> LoadCompaniesAsync() =>
        (await Query<CompanyRow>("SELECT id, external_id, name, description, logo_key, website FROM companies FOR UPDATE")).ToList();

    public async Task<List<ModelRow>> LoadModelsAsync() =>
        (await Query<ModelRow>("""
            SELECT id, external_id, company_id, name, mode, context_window, max_output_tokens, features,
                   litellm_input_price, litellm_output_price, is_available
              FROM models FOR UPDATE
            """)).ToList();

    public async Task<CompanyRow> InsertCompanyAsync(ProviderInfo provider)
    {
        var row = new CompanyRow
        {
            id = Guid.NewGuid().ToString(), external_id = provider.Id, name = provider.DisplayName,
            description = provider.Description, logo_key = provider.LogoKey, website = provider.Website,
        };
        await Execute("""
            INSERT INTO companies (id, external_id, name, description, logo_key, website)
            VALUES (@id, @external_id, @name, @description, @logo_key, @website)
            """, row);
        return row;
    }

    public Task UpdateCompanyAsync(CompanyRow row) => Execute("""
        UPDATE companies SET name = @name, description = @description, logo_key = @logo_key, website = @website WHERE id = @id
        """, row);

    /// <summary>
    /// A new model, its default config at LiteLLM's prices, and the limits of every tier whose template matches its
    /// LiteLLM id (SQL LIKE; of several templates of one tier the longest pattern wins).
    /// </summary>
    public async Task InsertModelAsync(string id, ModelBaseInfo info, string externalId, DateTime now)
    {
        var args = Args(id, info, now);
        args.Add("external_id", externalId);
        await Execute("""
            INSERT INTO models (id, company_id, name, features, external_id, mode, context_window, max_output_tokens,
                                litellm_input_price, litellm_output_price, is_available, last_synced_at)
            VALUES (@id, @company_id, @name, @features, @external_id, @mode, @context_window, @max_output_tokens,
                    @litellm_input_price, @litellm_output_price, @is_available, @now);
            INSERT INTO model_configs (id, model_id, is_free, is_enabled, input_price_per_million, output_price_per_million)
            VALUES (UUID(), @id, FALSE, TRUE, COALESCE(@litellm_input_price, 0), COALESCE(@litellm_output_price, 0));
            INSERT IGNORE INTO rate_limits (id, model_id, tier_id, requests_per_minute, requests_per_day, tokens_per_minute, tokens_per_day)
            SELECT UUID(), @id, t.tier_id, t.requests_per_minute, t.requests_per_day, t.tokens_per_minute, t.tokens_per_day
              FROM rate_limit_templates t
             WHERE @external_id LIKE t.model_pattern
               AND NOT EXISTS (
                   SELECT 1 FROM rate_limit_templates o
                    WHERE o.tier_id = t.tier_id AND @external_id LIKE o.model_pattern
                      AND (CHAR_LENGTH(o.model_pattern) > CHAR_LENGTH(t.model_pattern)
                           OR (CHAR_LENGTH(o.model_pattern) = CHAR_LENGTH(t.model_pattern) AND o.model_pattern < t.model_pattern)));
            """, args);
    }

    /// <summary>Base info only: the model's config and limits belong to the admins.</summary>
    public Task UpdateModelAsync(string id, ModelBaseInfo info, DateTime now) => Execute("""
        UPDATE models
           SET company_id = @company_id, name = @name, features = @features, mode = @mode, context_window = @context_window,
               max_output_tokens = @max_output_tokens, litellm_input_price = @litellm_input_price,
               litellm_output_price = @litellm_output_price, is_available = @is_available, last_synced_at = @now
         WHERE id = @id
        """, Args(id, info, now));

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private static DynamicParameters Args(string id, ModelBaseInfo info, DateTime now) => new(new
    {
        id, company_id = info.CompanyId, name = info.Name, features = info.Features, mode = info.Mode,
        context_window = info.ContextWindow, max_output_tokens = info.MaxOutputTokens,
        litellm_input_price = info.InputPrice, litellm_output_price = info.OutputPrice, is_available = info.IsAvailable, now,
    });

    private Task<IEnumerable<T>> Query<T>(string sql) => _connection.QueryAsync<T>(sql, transaction: _transaction);

    private Task Execute(string sql, object args) => _connection.ExecuteAsync(sql, args, _transaction);

#pragma warning disable IDE1006 // Dapper maps the snake_case columns by name.
    public sealed record ModelRow
    {
        public string id { get; init; } = "";
        public string external_id { get; init; } = "";
        public string company_id { get; init; } = "";
        public string name { get; init; } = "";
        public string? mode { get; init; }
        public int? context_window { get; init; }
        public int? max_output_tokens { get; init; }
        public string? features { get; init; }
        public decimal? litellm_input_price { get; init; }
        public decimal? litellm_output_price { get; init; }
        public bool is_available { get; init; }
    }
#pragma warning restore IDE1006
}
