using System.Net.Http.Json;
using System.Text.Json;
using OneAIHub.Grains.Interfaces.Users;

namespace OneAIHub.Tests.Infrastructure;

/// <summary>A signed-up, approved user with a tier, a balance and an API key: ready to call /v1.</summary>
public sealed record ProxyUser(string Id, string Email, string Token, string ApiKey, string ApiKeyId);

public static class TestAccounts
{
    public static async Task<ProxyUser> CreateAsync(HubFixture hub, string tierId, decimal balance)
    {
        var (token, profile) = await Users.RegisterAsync(hub);
        var userId = profile.GetProperty("id").GetString()!;
        var user = hub.Cluster.Client.GetGrain<IUserGrain>(userId);
        await user.ApproveFreeTierAsync();
        await user.UpdateAsync(new UserUpdate(null, tierId, null, null, null, false));
        if (balance != 0) await user.AdjustBalanceAsync(balance, "test top-up", null);

        using var client = hub.CreateClient(token);
        var created = await client.PostAsJsonAsync("/api/keys", new { name = "test key" });
        created.EnsureSuccessStatusCode();
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        return new ProxyUser(userId, profile.GetProperty("email").GetString()!, token, body.GetProperty("key").GetString()!,
            body.GetProperty("apiKey").GetProperty("id").GetString()!);
    }
}
