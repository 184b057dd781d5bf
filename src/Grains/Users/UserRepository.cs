using Dapper;
using MySqlConnector;
using OneAIHub.Grains.Interfaces.Users;

namespace OneAIHub.Grains.Users;

/// <summary>The SQL behind <see cref="UserGrain"/>; every write of a user's rows is here.</summary>
public sealed class UserRepository(MySqlDataSource dataSource)
{
    /// <summary>A user's row with limits and spendings; the directory grain reads the same shape.</summary>
    internal const string SelectUser = """
        SELECT u.id, u.email, u.password_hash, u.display_name, u.tier_id, u.role, u.status, u.free_tier_requested_at,
               u.created_at, u.updated_at, COALESCE(l.balance, 0) AS balance, COALESCE(s.total_spent, 0) AS total_spent,
               l.monthly_token_limit, COALESCE(l.monthly_tokens_used, 0) AS monthly_tokens_used, l.usage_month
          FROM users u
          LEFT JOIN user_limits l ON l.user_id = u.id
          LEFT JOIN user_spendings s ON s.user_id = u.id
        """;

    public async Task<UserRow?> FindAsync(string userId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<UserRow>(SelectUser + " WHERE u.id = @userId", new { userId });
    }

    public async Task<IReadOnlyList<ApiKeyRow>> ListKeysAsync(string userId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<ApiKeyRow>("""
            SELECT id, key_hash, key_prefix, external_id, external_key, name, models, created_at, expires_at, revoked_at, last_used_at
              FROM api_keys WHERE user_id = @userId ORDER BY created_at
            """, new { userId })).AsList();
    }

    public async Task<IReadOnlyList<BudgetRow>> ListBudgetsAsync(string userId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<BudgetRow>("""
            SELECT id, scope, api_key_id, max_budget, spend, budget_duration, period_start, reset_at, external_id
              FROM budgets WHERE user_id = @userId
            """, new { userId })).AsList();
    }

    /// <summary>False when the email is taken (the unique index decides, so two racing sign-ups cannot both win).</summary>
    public async Task<bool> InsertAsync(string userId, NewUser user, string tierId, DateTime now)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        try
        {
            await connection.ExecuteAsync("""
                INSERT INTO users (id, email, password_hash, display_name, tier_id, role, status, free_tier_requested_at, created_at, updated_at)
                VALUES (@userId, @Email, @PasswordHash, @DisplayName, @tierId, @Role, @Status, @requestedAt, @now, @now);
                INSERT INTO user_limits (user_id, balance, monthly_tokens_used) VALUES (@userId, 0, 0);
                INSERT INTO user_spendings (user_id, total_spent) VALUES (@userId, 0);
                """, new { userId, user.Email, user.PasswordHash, user.DisplayName, tierId, user.Role, user.Status,
                    requestedAt = user.RequestFreeTier ? now : (DateTime?)null, now }, transaction);
            await transaction.CommitAsync();
            return true;
        }
        catch (MySqlException ex) when (ex.ErrorCode == MySqlErrorCode.DuplicateKeyEntry)
        {
            await transaction.RollbackAsync();
            return false;
        }
    }

    public async Task UpdateProfileAsync(string userId, string role, string tierId, string status, string? displayName,
        DateTime? freeTierRequestedAt, long? monthlyTokenLimit, DateTime now)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            UPDATE users SET role = @role, tier_id = @tierId, status = @status, display_name = @displayName,
                   free_tier_requested_at = @freeTierRequestedAt, updated_at = @now WHERE id = @userId;
            UPDATE user_limits SET monthly_token_limit = @monthlyTokenLimit WHERE user_id = @userId;
            """, new { userId, role, tierId, status, displayName, freeTierRequestedAt, monthlyTokenLimit, now });
    }

    public async Task AdjustBalanceAsync(string userId, decimal amount, string reason, string? actorId, DateTime now)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO balance_adjustments (id, user_id, amount, reason, actor_id, created_at)
            VALUES (@id, @userId, @amount, @reason, @actorId, @now);
            UPDATE user_limits SET balance = balance + @amount WHERE user_id = @userId;
            """, new { id = Guid.NewGuid().ToString(), userId, amount, reason, actorId, now }, transaction);
        await transaction.CommitAsync();
    }

    public async Task<bool> DeleteAsync(string userId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteAsync("DELETE FROM users WHERE id = @userId", new { userId }) > 0;
    }

    public async Task InsertKeyAsync(string userId, ApiKeyRow key)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO api_keys (id, user_id, key_hash, key_prefix, external_id, external_key, name, models, created_at, expires_at)
            VALUES (@id, @userId, @key_hash, @key_prefix, @external_id, @external_key, @name, @models, @created_at, @expires_at)
            """, new { userId, key.id, key.key_hash, key.key_prefix, key.external_id, key.external_key, key.name, key.models,
                key.created_at, key.expires_at });
    }

    public async Task RenameKeyAsync(string keyId, string name)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE api_keys SET name = @name WHERE id = @keyId", new { keyId, name });
    }

    public async Task RevokeKeyAsync(string keyId, DateTime now)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE api_keys SET revoked_at = @now WHERE id = @keyId AND revoked_at IS NULL", new { keyId, now });
    }

    public async Task InsertBudgetAsync(string userId, BudgetRow budget)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO budgets (id, scope, user_id, api_key_id, max_budget, spend, budget_duration, period_start, reset_at, external_id)
            VALUES (@id, @scope, @userId, @api_key_id, @max_budget, @spend, @budget_duration, @period_start, @reset_at, @external_id)
            """, new { userId, budget.id, budget.scope, budget.api_key_id, budget.max_budget, budget.spend, budget.budget_duration,
                budget.period_start, budget.reset_at, budget.external_id });
    }

    public async Task UpdateBudgetAsync(BudgetRow budget)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            UPDATE budgets SET max_budget = @max_budget, spend = @spend, budget_duration = @budget_duration,
                   period_start = @period_start, reset_at = @reset_at, external_id = @external_id
             WHERE id = @id
            """, budget);
    }

    public async Task DeleteBudgetAsync(string budgetId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("DELETE FROM budgets WHERE id = @budgetId", new { budgetId });
    }

    public async Task<bool> RequestExistsAsync(string requestId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM requests WHERE request_id = @requestId)", new { requestId });
    }

    /// <summary>
    /// Writes a batch of request rows and the balance, spend and token totals they move, atomically.
    /// Rows that already landed (an earlier attempt committed but its answer was lost, and the retry
    /// carries newer records too) are skipped with their money, so nothing is written or charged twice.
    /// </summary>
    public async Task WriteChargesAsync(string userId, ChargeBatch batch)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (batch.Records.Count > 0)
            await WriteRequestsAndTotalsAsync(connection, transaction, userId, batch);
        foreach (var budget in batch.Budgets)
            await connection.ExecuteAsync(
                "UPDATE budgets SET spend = @spend, period_start = @period_start, reset_at = @reset_at WHERE id = @id",
                budget, transaction);
        foreach (var (keyId, lastUsed) in batch.KeysLastUsed)
            await connection.ExecuteAsync("UPDATE api_keys SET last_used_at = @lastUsed WHERE id = @keyId",
                new { keyId, lastUsed }, transaction);
        await transaction.CommitAsync();
    }

    private static async Task WriteRequestsAndTotalsAsync(MySqlConnection connection, MySqlTransaction transaction,
        string userId, ChargeBatch batch)
    {
        var records = batch.Records;
        if (batch.MayHaveLanded)
        {
            var landed = (await connection.QueryAsync<string>("SELECT request_id FROM requests WHERE request_id IN @ids",
                new { ids = batch.Records.Select(r => r.RequestId).ToList() }, transaction)).ToHashSet(StringComparer.Ordinal);
            records = batch.Records.Where(r => !landed.Contains(r.RequestId)).ToList();
        }
        if (records.Count == 0) return;
        var charged = records.Sum(r => r.TotalCost);
        var tokens = records.Sum(r => (long)r.InputTokens + r.OutputTokens);

        await InsertRequestsAsync(connection, transaction, records);
        await connection.ExecuteAsync("""
            UPDATE user_limits
               SET balance = balance - @Charged,
                   monthly_tokens_used = CASE WHEN usage_month = @UsageMonth THEN monthly_tokens_used + @Tokens ELSE @Tokens END,
                   usage_month = @UsageMonth
             WHERE user_id = @userId;
            UPDATE user_spendings SET total_spent = total_spent + @Charged WHERE user_id = @userId;
            """, new { userId, Charged = charged, Tokens = tokens, batch.UsageMonth }, transaction);
    }

    private const int RowsPerInsert = 500;

    /// <summary>Multi-row INSERTs of up to <see cref="RowsPerInsert"/> rows: a busy user's flush is a few statements, not one per request.</summary>
    private static async Task InsertRequestsAsync(MySqlConnection connection, MySqlTransaction transaction, IReadOnlyList<RequestRecord> records)
    {
        foreach (var chunk in records.Chunk(RowsPerInsert))
        {
            // A plain command: each statement's text is unique, and Dapper would cache every one.
            await using var insert = new MySqlCommand(RequestRowsSql.Build(chunk), connection, transaction);
            await insert.ExecuteNonQueryAsync();
        }
    }
}
