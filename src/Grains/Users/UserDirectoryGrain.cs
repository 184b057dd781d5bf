using Dapper;
using MySqlConnector;
using OneAIHub.Grains.Interfaces.Catalog;
using OneAIHub.Grains.Interfaces.Users;
using Orleans.Concurrency;

namespace OneAIHub.Grains.Users;

[StatelessWorker]
[GrainType("user-directory")]
public sealed class UserDirectoryGrain(MySqlDataSource dataSource, CatalogCache catalog, TimeProvider time) : Grain, IUserDirectoryGrain
{
    private const string SearchFilter = """
        WHERE (@pattern IS NULL OR u.email LIKE @pattern OR u.display_name LIKE @pattern)
          AND (@role IS NULL OR u.role = @role)
          AND (@tierId IS NULL OR u.tier_id = @tierId)
          AND (@status IS NULL OR u.status = @status)
        """;

    /// <summary>Enough for any approval queue a person works through; older requests stay listed in the user search.</summary>
    private const int PendingLimit = 1000;

    public async Task<UserCredentials?> FindCredentialsAsync(string email)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<UserCredentials>(
            "SELECT id AS UserId, email AS Email, password_hash AS PasswordHash, role AS Role FROM users WHERE email = @email",
            new { email });
    }

    public async Task<string?> FindUserIdByEmailAsync(string email)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<string>("SELECT id FROM users WHERE email = @email", new { email });
    }

    public async Task<UserPage> SearchAsync(UserSearch search)
    {
        var filter = new
        {
            pattern = string.IsNullOrWhiteSpace(search.Text) ? null : $"%{EscapeLike(search.Text.Trim())}%",
            role = search.Role, tierId = search.TierId, status = search.Status,
            take = search.PageSize, skip = (search.Page - 1) * search.PageSize,
        };
        await using var connection = await dataSource.OpenConnectionAsync();
        var total = await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM users u {SearchFilter}", filter);
        var rows = await connection.QueryAsync<UserRow>(
            $"{UserRepository.SelectUser} {SearchFilter} ORDER BY u.created_at DESC, u.id LIMIT @take OFFSET @skip", filter);
        return new UserPage(await ProfilesAsync(rows), total);
    }

    public async Task<IReadOnlyList<UserProfile>> ListPendingApprovalAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<UserRow>($"""
            {UserRepository.SelectUser}
             WHERE u.status = 'pending_approval'
             ORDER BY COALESCE(u.free_tier_requested_at, u.created_at), u.id
             LIMIT {PendingLimit}
            """);
        return await ProfilesAsync(rows);
    }

    private async Task<IReadOnlyList<UserProfile>> ProfilesAsync(IEnumerable<UserRow> rows)
    {
        var index = await catalog.GetAsync();
        var now = time.GetUtcNow().UtcDateTime;
        return rows.Select(u => UserProfiles.FromStored(u, index, now)).ToList();
    }

    /// <summary>Searches for the text itself: LIKE's wildcards and its escape character lose their meaning.</summary>
    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
