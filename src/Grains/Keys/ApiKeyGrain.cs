using Dapper;
using MySqlConnector;
using OneAIHub.Grains.Interfaces.Keys;

namespace OneAIHub.Grains.Keys;

/// <summary>
/// Answers who owns a key hash. The owner of a key never changes, so a found owner is kept for
/// the activation's life; a miss is kept briefly so a flood of wrong keys does not reach MySQL.
/// </summary>
[GrainType("api-key")]
public sealed class ApiKeyGrain(MySqlDataSource dataSource, TimeProvider time) : Grain, IApiKeyGrain
{
    private static readonly TimeSpan MissLifetime = TimeSpan.FromSeconds(5);

    private ApiKeyOwner? _owner;
    private DateTimeOffset _missUntil;

    public async Task<ApiKeyOwner?> GetOwnerAsync()
    {
        if (_owner is not null || time.GetUtcNow() < _missUntil) return _owner;
        await using var connection = await dataSource.OpenConnectionAsync();
        _owner = await connection.QuerySingleOrDefaultAsync<ApiKeyOwner>(
            "SELECT user_id AS UserId, id AS ApiKeyId FROM api_keys WHERE key_hash = @hash",
            new { hash = this.GetPrimaryKeyString() });
        if (_owner is null) _missUntil = time.GetUtcNow() + MissLifetime;
        return _owner;
    }
}
