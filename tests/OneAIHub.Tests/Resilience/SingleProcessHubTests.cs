using Dapper;
using MySqlConnector;
using Xunit.Abstractions;

namespace OneAIHub.Tests.Resilience;

/// <summary>
/// The single-process hub (src/Hub: a silo and the web tier in one process) as operators run it: two
/// of them on one database form one cluster, a WebApi process joins it as a client, and the proxy
/// holds its promises across all three front doors exactly as WebApis beside silos do. Processes of
/// its own, so not in the shared hub collection.
/// </summary>
public sealed class SingleProcessHubTests(ITestOutputHelper output)
{
    private const int RequestsPerMinute = 30;
    private const int Calls = 50;
    private const decimal InitialBalance = 5m;

    /// <summary>The WebApi, then the two hubs (<see cref="ProcessCluster.WebApiAddresses"/>).</summary>
    private const int FrontDoors = 3;

    [Fact]
    public async Task TwoHubProcessesAndAWebApi_OneCluster_LimitHoldsExactlyAcrossAll_AndEveryAdmittedCallIsBilledOnce()
    {
        await using var cluster = await ProcessCluster.StartAsync(silos: 0, webApis: 1, hubs: 2);
        output.WriteLine($"Process logs: {cluster.LogFolder}");
        Assert.Equal(2, await cluster.ActiveSiloCountAsync());
        var admin = await ClusterSeed.AdminTokenAsync(cluster);
        await ClusterSeed.AddModelAsync(cluster, admin, RequestsPerMinute);
        var user = await ClusterSeed.CreateUserAsync(cluster, admin, 0, InitialBalance);

        var doors = Enumerable.Range(0, FrontDoors).Select(i => cluster.CreateClient(i)).ToList();
        var load = new ProxyLoad(doors, [user], 1, _ => TimeSpan.Zero);
        await WaitUntilCallableThroughEachAsync(load, user);
        await SkipMinuteEndAsync();

        var burst = await Task.WhenAll(Enumerable.Range(0, Calls).Select(i => load.SendAsync(user, i % FrontDoors)));

        // One minute window decided for every process: the warm-up calls of this minute count too.
        var minute = Minute(burst[0].SentAt);
        var warmUpThisMinute = load.Outcomes.Except(burst).Count(o => o.Status == 200 && Minute(o.SentAt) == minute);
        Assert.Empty(burst.Where(o => o.Status is not (200 or 429)).Select(o => $"{o.Status} {o.ErrorCode} {o.Exception}"));
        Assert.Equal(RequestsPerMinute - warmUpThisMinute, burst.Count(o => o.Status == 200));

        // Every admitted call has one row, and the money moved once for each.
        var admitted = load.Outcomes.Where(o => o.Status == 200).Select(o => o.RequestId!).ToHashSet();
        await using var db = new MySqlConnection(cluster.ConnectionString);
        var rows = await PollRowsAsync(db, user, admitted.Count);
        Assert.True(admitted.SetEquals(rows), $"{admitted.Count} admitted calls, {rows.Count} rows for them");
        var charged = await db.ExecuteScalarAsync<decimal>("SELECT SUM(total_cost) FROM requests WHERE user_id = @Id", user);
        var balance = await db.ExecuteScalarAsync<decimal>("SELECT balance FROM user_limits WHERE user_id = @Id", user);
        Assert.True(charged > 0);
        Assert.Equal(InitialBalance - charged, balance);
        foreach (var door in doors) door.Dispose();
        cluster.KeepLogs = false;
    }

    /// <summary>Until a call through each process answers 200 (every catalog cache has the new model).</summary>
    private static async Task WaitUntilCallableThroughEachAsync(ProxyLoad load, LoadUser user)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        for (var door = 0; door < FrontDoors; door++)
            while ((await load.SendAsync(user, door)).Status != 200)
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
