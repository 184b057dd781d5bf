using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OneAIHub.Grains.Interfaces.Users;
using OneAIHub.WebApi.Common;

namespace OneAIHub.WebApi.Auth;

/// <summary>Creates the configured first admin once the cluster answers, if no user has that email.</summary>
public sealed class AdminSeeder(
    IGrainFactory grains,
    IPasswordHasher<string> hasher,
    IOptions<AdminOptions> options,
    ILogger<AdminSeeder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.Email) || string.IsNullOrWhiteSpace(o.Password))
        {
            logger.LogInformation("No Admin__Email/Admin__Password configured; no admin is created at start");
            return;
        }
        var email = Validator.NormalizeEmail(o.Email);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await grains.GetGrain<IUserDirectoryGrain>(0).FindUserIdByEmailAsync(email) is not null) return;
                var user = new NewUser(email, hasher.HashPassword(email, o.Password), "Administrator", UserRoles.Admin, null,
                    UserStatuses.Active, false);
                var result = await grains.GetGrain<IUserGrain>(Guid.NewGuid().ToString()).CreateAsync(user);
                logger.LogInformation("First admin {Email}: {Outcome}", email, result.Outcome);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogInformation("Waiting for the cluster to create the first admin: {Message}", ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }
}
