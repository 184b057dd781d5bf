namespace OneAIHub.Grains.Interfaces.Users;

/// <summary>Look-ups across users that no single user grain can answer (stateless worker).</summary>
public interface IUserDirectoryGrain : IGrainWithIntegerKey
{
    Task<UserCredentials?> FindCredentialsAsync(string email);

    Task<string?> FindUserIdByEmailAsync(string email);

    /// <summary>Newest first. Balances are as last flushed to MySQL (at most a flush interval behind).</summary>
    Task<UserPage> SearchAsync(UserSearch search);

    /// <summary>Users waiting for Free tier approval, longest waiting first.</summary>
    Task<IReadOnlyList<UserProfile>> ListPendingApprovalAsync();
}
