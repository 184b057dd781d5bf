using System.Net;
using Dapper;
using MySqlConnector;
using OneAIHub.Grains.Interfaces.Users;
using OneAIHub.Tests.Infrastructure;
using OneAIHub.Tests.Proxy;

namespace OneAIHub.Tests.Resilience;

/// <summary>Restarting every silo (one after the other, gracefully) loses no account, charge, record or window count.</summary>
public sealed class SiloRestartTests(HubFixture hub) : IClassFixture<HubFixture>
{
    [Fact]
    public async Task RestartEverySilo_LosesNothing()
    {
        var model = await TestCatalog.AddModelAsync(hub, 3m, 7m, new TierLimits(TestCatalog.StarterTier, 5, 100, 100000, 1000000));
        var user = await TestAccounts.CreateAsync(hub, TestCatalog.StarterTier, 2m);
        using var client = hub.CreateClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(ProxyHttp.Chat(user.ApiKey, model))).StatusCode);
        // Settlement finishes just after the answer is sent: wait until all three are recorded.
        await using (var db = new MySqlConnection(hub.ConnectionString))
            for (var i = 0; i < 50 && await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM requests WHERE user_id = @Id", user) < 3; i++)
                await Task.Delay(100);
        var before = await hub.Cluster.Client.GetGrain<IUserGrain>(user.Id).GetProfileAsync();

        foreach (var silo in hub.Cluster.GetActiveSilos().ToList())
            await hub.Cluster.RestartSiloAsync(silo);
        await hub.Cluster.WaitForLivenessToStabilizeAsync();

        var after = await WaitForProfileAsync(user.Id);
        Assert.Equal(before!.Balance, after.Balance);
        Assert.Equal(before.TotalSpent, after.TotalSpent);
        Assert.True(after.Balance < 2m);
        await using (var db = new MySqlConnection(hub.ConnectionString))
        {
            Assert.Equal(3, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM requests WHERE user_id = @Id", user));
            var charged = await db.ExecuteScalarAsync<decimal>("SELECT SUM(total_cost) FROM requests WHERE user_id = @Id", user);
            Assert.Equal(2m - charged, await db.ExecuteScalarAsync<decimal>("SELECT balance FROM user_limits WHERE user_id = @Id", user));
        }

        // The minute window kept its three requests: two more fit in the 5-per-minute limit, the third does not.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            statuses.Add((await SendWithRetryAsync(client, () => ProxyHttp.Chat(user.ApiKey, model))).StatusCode);
        if (DateTime.UtcNow.Second < 2) return; // the minute rolled over during the restart: the window legitimately reset
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    private async Task<UserProfile> WaitForProfileAsync(string userId)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                return (await hub.Cluster.Client.GetGrain<IUserGrain>(userId).GetProfileAsync())!;
            }
            catch (Exception) when (i < 50)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>The WebApi's client may need a moment to find the restarted gateways.</summary>
    private static async Task<HttpResponseMessage> SendWithRetryAsync(HttpClient client, Func<HttpRequestMessage> request)
    {
        for (var i = 0; ; i++)
        {
            var response = await client.SendAsync(request());
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || i >= 50) return response;
            await Task.Delay(300);
        }
    }
}
