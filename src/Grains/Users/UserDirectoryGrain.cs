using Dapper;
using MySqlConnector;
using OneAIHub.Grains.Interfaces.Users;
using Orleans.Concurrency;

namespace OneAIHub.Grains.Users;

[StatelessWorker]
[GrainType("user-directory")]
public sealed class UserDirectoryGrain(MySqlDataSource dataSource) : Grain, IUserDirectoryGrain
{
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
}
