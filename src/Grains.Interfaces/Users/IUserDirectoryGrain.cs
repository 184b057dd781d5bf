namespace OneAIHub.Grains.Interfaces.Users;

/// <summary>Look-ups across users that no single user grain can answer (stateless worker).</summary>
public interface IUserDirectoryGrain : IGrainWithIntegerKey
{
    Task<UserCredentials?> FindCredentialsAsync(string email);

    Task<string?> FindUserIdByEmailAsync(string email);
}
