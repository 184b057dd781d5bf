using Dapper;
using MySqlConnector;
using Xunit.Abstractions;

namespace OneAIHub.Tests.Resilience;

/// <summary>
/// The single-process hub (src/Hub: a silo and the web tier in one process) as operators run it: two
/// of them on one database form one cluster, and the proxy holds its promises across both exactly as
/// WebApis beside silos do. Processes of its own, so not in the shared hub collection.
/// </summary>
public sealed class SingleProcessHubTests(ITestOutputHelper output)
{
    private const int RequestsPerMinute = 30;
    private const int Calls = 50;
    private const decimal InitialBalance = 5m;

    [Fact]
    public async Task TwoHubProcesses_FormOneCluster_LimitHoldsExactlyAcrossBoth_AndEveryAdmittedCallIsBilledOnce()
    {
        await using var cluster = await ProcessCluster.StartAsync(silos: 0, webApis: 0, hubs: 2);
        output.WriteLine($"Process logs: {cluster.LogFolder}");
        Assert.Equal(2, await cluster.ActiveSiloCountAsync());
        var admin = await ClusterSeed.AdminTokenAsync(cluster);
        await ClusterSeed.AddModelAsync(cluster, admin, RequestsPerMinute);
        var user = await ClusterSeed.CreateUserAsync(cluster, admin, 0, InitialBalance);

        using var hub0 = cluster.CreateClient(0);
        using var hub1 = cluster.CreateClient(1);
        var load = new ProxyLoad([hub0, hub1], [user], 1, _ => TimeSpan.Zero);
        await WaitUntilCallableThroughBothAsync(load, user);
        await SkipMinuteEndAsync();

        var burst = await Task.WhenAll(Enumerable.Range(0, Calls).Select(i => load.SendAsync(user, i % 2)));

        // One minute window decided for both processes: the warm-up calls of this minute count too.
        var minute = Minute(burst[0].SentAt);
        var warmUpThisMinute = load.Outcomes.Except(burst).Count(o => o.Status == 200 && Minute(o.SentAt) == minute);
        Assert.Empty(burst.Where(o => o.Status is not (200 or 429)).Select(o => $"{o.Status} {o.ErrorCode} {o.Exception}"));
        Assert.Equal(RequestsPerMinute - warmUpThisMinute, burst.Count(o => o.Status == 200));
        Assert.Contains(burst, o => o.Status == 200 && o.WebApi == 0);
        Assert.Contains(burst, o => o.Status == 200 && o.WebApi == 1);

        // Every admitted call has one row, and the money moved once for each.
        var admitted = load.Outcomes.Where(o => o.Status == 200).Select(o => o.RequestId!).ToHashSet();
        await using var db = new MySqlConnection(cluster.ConnectionString);
        var rows = await PollRowsAsync(db, user, admitted.Count);
        Assert.True(admitted.SetEquals(rows), $"{admitted.Count} admitted calls, {rows.Count} rows for them");
        var charged = await db.ExecuteScalarAsync<decimal>("SELECT SUM(total_cost) FROM requests WHERE user_id = @Id", user);
        var balance = await db.ExecuteScalarAsync<decimal>("SELECT balance FROM user_limits WHERE user_id = @Id", user);
        Assert.True(charged > 0);
        Assert.Equal(InitialBalance - charged, balance);
        cluster.KeepLogs = false;
    }

    /// <summary>Until a call through each process answers 200 (both catalog caches have the new model).</summary>
    private static async Task WaitUntilCallableThroughBothAsync(ProxyLoad load, LoadUser user)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        for (var hub = 0; hub < 2; hub++)
            while ((await load.SendAsync(user, hub)).Status != 200)
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException("The test model never became callable.");
                await Task.Delay(250);
            }
    }

    /// <summary>The burst must fall in one minute window: past second 45, wait for the next minute.</summary>
    private static async Task SkipMinuteEndAsync()
    {
        var now = DateTime.UtcNow;
        if (now.Second >= 45) await Task.Delay(TimeSpan.FromSeconds(61 - now.Second));
    }

    private static async Task<List<string>> PollRowsAsync(MySqlConnection db, LoadUser user, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var rows = (await db.QueryAsync<string>("SELECT request_id FROM requests WHERE user_id = @Id", user)).AsList();
            if (rows.Count >= expected || DateTime.UtcNow > deadline) return rows;
            await Task.Delay(250);
        }
    }

    private static DateTime Minute(DateTime at) => new(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, DateTimeKind.Utc);
}
