using System.Diagnostics;
using Dapper;
using MySqlConnector;
using OneAIHub.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OneAIHub.Tests.Resilience;

/// <summary>
/// Three silos and two WebApis as processes under steady proxy load, while a silo is killed with
/// SIGKILL and restarted, LiteLLM goes away for ten seconds and MariaDB restarts. Afterwards the books
/// must balance exactly and the hub must have recovered by itself. Not in the shared hub collection:
/// it kills things, so it has a cluster and a database of its own.
/// </summary>
public sealed class ClusterFaultTests(ITestOutputHelper output)
{
    private const int RequestsPerMinute = 240;
    private const int ClientsPerUser = 3;
    private const decimal InitialBalance = 5m;

    /// <summary>Pauses per client: about 3, 6, 10 and 16 calls a second per user, so at any moment some users are still admitted and some are refused.</summary>
    private static readonly TimeSpan[] Pauses = [TimeSpan.FromMilliseconds(1000), TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(190)];

    private static readonly TimeSpan KillAt = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RestartAt = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan StandinStopAt = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StandinStartAt = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan DatabaseRestartAt = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan LoadAtLeast = TimeSpan.FromSeconds(70);
    private static readonly TimeSpan LoadAfterLastFault = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan RecoveredWithin = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task SteadyLoad_SiloKillUpstreamOutageAndDatabaseRestart_EveryAdmittedRequestBilledOnceAndServiceResumes()
    {
        await using var cluster = await ProcessCluster.StartAsync(silos: 3, webApis: 2);
        output.WriteLine($"Process logs: {cluster.LogFolder}");
        var admin = await ClusterSeed.AdminTokenAsync(cluster);
        await ClusterSeed.AddModelAsync(cluster, admin, RequestsPerMinute);
        var users = new List<LoadUser>();
        for (var i = 0; i < Pauses.Length; i++) users.Add(await ClusterSeed.CreateUserAsync(cluster, admin, i, InitialBalance));

        using var http0 = cluster.CreateClient(0);
        using var http1 = cluster.CreateClient(1);
        var load = new ProxyLoad([http0, http1], users, ClientsPerUser, u => Pauses[u.Index]);
        await WarmUpAsync(load, users);

        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var loadStart = DateTime.UtcNow;
        var running = load.RunAsync(stop.Token);

        await UntilAsync(clock, KillAt);
        var victim = cluster.Silos[1];
        var killedAt = DateTime.UtcNow;
        victim.Kill();
        Log(clock, $"kill -9 {victim.Name}");
        await UntilAsync(clock, RestartAt);
        victim.Start();
        Log(clock, $"{victim.Name} started again");
        await UntilAsync(clock, StandinStopAt);
        await cluster.StopStandinAsync();
        Log(clock, "LiteLLM stand-in stopped");
        await UntilAsync(clock, StandinStartAt);
        await cluster.StartStandinAsync();
        Log(clock, "LiteLLM stand-in started again on the same port");
        await UntilAsync(clock, DatabaseRestartAt);
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("ONEAIHUB_TEST_MYSQL")))
        {
            Log(clock, "MariaDB shutting down for 3 s");
            await MariaDbServer.RestartAsync(TimeSpan.FromSeconds(3));
            Log(clock, "MariaDB answers again");
        }
        else
        {
            Log(clock, "MariaDB restart SKIPPED: ONEAIHUB_TEST_MYSQL points at an external server this test must not restart");
        }
        await UntilAsync(clock, clock.Elapsed + LoadAfterLastFault > LoadAtLeast ? clock.Elapsed + LoadAfterLastFault : LoadAtLeast);
        var loadEnd = DateTime.UtcNow;
        stop.Cancel();
        await running;
        Log(clock, "load stopped and drained");
        output.WriteLine($"WebApi logs: {cluster.WebApiLogLines("were lost with their grain activation")} time(s) records lost with a killed silo were settled again; "
            + $"{cluster.WebApiLogLines("it is settled again until it is recorded")} settlement(s) failed at first");

        var outcomes = load.Outcomes;
        var duringLoad = outcomes.Where(o => o.SentAt >= loadStart).ToList();
        ReportTimeline(duringLoad, loadStart);

        AssertCleanAnswers(duringLoad);
        AssertResumed(duringLoad, loadEnd);
        AssertWindowsHeld(outcomes, killedAt);
        await AssertOneRowPerAdmittedRequestAsync(cluster, outcomes);
        await AssertBalancesMatchChargesAsync(cluster, users);
        Log(clock, "all checks passed");
        cluster.KeepLogs = false;
    }

    /// <summary>Until each user has a 200 through each WebApi (both catalog caches have the new model); these calls count as load.</summary>
    private static async Task WarmUpAsync(ProxyLoad load, IReadOnlyList<LoadUser> users)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        foreach (var user in users)
            for (var webApi = 0; webApi < 2; webApi++)
                while ((await load.SendAsync(user, webApi)).Status != 200)
                {
                    if (DateTime.UtcNow > deadline) throw new TimeoutException("The test model never became callable.");
                    await Task.Delay(250);
                }
    }

    /// <summary>Every failure was an OpenAI-style JSON error with a retryable status; no connection broke on the client's side.</summary>
    private static void AssertCleanAnswers(IReadOnlyList<ProxyOutcome> outcomes)
    {
        Assert.Empty(outcomes.Where(o => o.Exception is not null).Select(o => $"{o.SentAt:HH:mm:ss.fff} {o.Exception}"));
        Assert.Empty(outcomes.Where(o => o.Status is not (200 or 429 or 502 or 503 or 504)).Select(Describe));
        Assert.Empty(outcomes.Where(o => o.Status != 200 && o.Problem is not null).Select(o => $"{Describe(o)}: {o.Problem}"));
        Assert.Empty(outcomes.Where(o => o.RequestId is null).Select(Describe));
        // The faults and the limit were really met.
        Assert.Contains(outcomes, o => o.Status == 429);
        Assert.Contains(outcomes, o => o.Status == 502);
    }

    /// <summary>Service came back without help: the last seconds of load were answered or rate limited, nothing else.</summary>
    private static void AssertResumed(IReadOnlyList<ProxyOutcome> outcomes, DateTime loadEnd)
    {
        var tail = outcomes.Where(o => o.SentAt >= loadEnd - RecoveredWithin).ToList();
        Assert.Empty(tail.Where(o => o.Status is not (200 or 429)).Select(Describe));
        foreach (var user in tail.GroupBy(o => o.User))
            Assert.True(user.Any(o => o.Status is 200 or 429), $"user {user.Key} got no answer in the last seconds");
        Assert.Contains(tail, o => o.Status == 200);
    }

    /// <summary>Each admitted call has exactly one row, with its status and a charge only when it succeeded; nothing else has a row.</summary>
    private async Task AssertOneRowPerAdmittedRequestAsync(ProcessCluster cluster, IReadOnlyList<ProxyOutcome> outcomes)
    {
        var admitted = outcomes.Where(o => o.Admitted).ToDictionary(o => o.RequestId!);
        List<RowSummary> rows = [];
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            await Task.Delay(500);
            await using var db = new MySqlConnection(cluster.ConnectionString);
            rows = (await db.QueryAsync<RowSummary>("SELECT request_id AS RequestId, status_code AS Status, total_cost AS Cost FROM requests")).AsList();
        } while (admitted.Keys.Except(rows.Select(r => r.RequestId)).Any() && DateTime.UtcNow < deadline);

        output.WriteLine($"admitted {admitted.Count} calls; {rows.Count} request rows");
        var missing = admitted.Values.Where(o => !rows.Any(r => r.RequestId == o.RequestId)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} admitted calls have no request row, e.g.\n{string.Join("\n", missing.Take(10).Select(Describe))}");
        Assert.Empty(rows.GroupBy(r => r.RequestId).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(rows.Where(r => !admitted.ContainsKey(r.RequestId)).Select(r => $"{r.RequestId} {r.Status}"));
        Assert.Empty(rows.Where(r => r.Status != admitted[r.RequestId].Status).Select(r => $"{r.RequestId}: row {r.Status}, client {admitted[r.RequestId].Status}"));
        Assert.Empty(rows.Where(r => r.Status == 200 && r.Cost <= 0).Select(r => r.RequestId));
        Assert.Empty(rows.Where(r => r.Status != 200 && r.Cost != 0).Select(r => r.RequestId));
    }

    /// <summary>Money: every charge left the balance once and counts once in total spent.</summary>
    private static async Task AssertBalancesMatchChargesAsync(ProcessCluster cluster, IReadOnlyList<LoadUser> users)
    {
        await using var db = new MySqlConnection(cluster.ConnectionString);
        foreach (var user in users)
        {
            var charged = await db.ExecuteScalarAsync<decimal>("SELECT COALESCE(SUM(total_cost), 0) FROM requests WHERE user_id = @Id", user);
            var balance = await db.ExecuteScalarAsync<decimal>("SELECT balance FROM user_limits WHERE user_id = @Id", user);
            var spent = await db.ExecuteScalarAsync<decimal>("SELECT total_spent FROM user_spendings WHERE user_id = @Id", user);
            Assert.True(charged > 0, $"user {user.Index} was never charged");
            Assert.Equal(user.InitialBalance - charged, balance);
            Assert.Equal(charged, spent);
        }
    }

    /// <summary>
    /// No minute window let through more successful calls than its limit. Only calls sent and answered
    /// in the same UTC minute are counted (the window decided inside that span), and only 200s: a
    /// failed upstream call gives its place back, so 502s may legitimately exceed the limit.
    /// The exception is the minute of the kill -9: window counters are saved every
    /// <c>Limits__PersistInterval</c> so that admission never waits for MySQL, and a window that lived
    /// on the killed silo comes back with the count of its last save. It may then let through again
    /// at most what it admitted since that save, which is bounded by what the user's load was admitted
    /// in the persist interval before the kill (twice the interval, for timer lag under load).
    /// </summary>
    private void AssertWindowsHeld(IReadOnlyList<ProxyOutcome> outcomes, DateTime killedAt)
    {
        var successes = outcomes.Where(o => o.Status == 200 && Minute(o.SentAt) == Minute(o.ReceivedAt)).ToList();
        foreach (var window in successes.GroupBy(o => (o.User, Minute: Minute(o.SentAt))).OrderBy(g => g.Key.Minute))
        {
            var excess = window.Count() - RequestsPerMinute;
            output.WriteLine($"user {window.Key.User} minute {window.Key.Minute:HH:mm}: {window.Count()} successful calls (limit {RequestsPerMinute})");
            if (excess <= 0) continue;
            Assert.True(window.Key.Minute == Minute(killedAt), $"user {window.Key.User} got {excess} calls over the limit in {window.Key.Minute:HH:mm}, not the minute of the kill");
            var since = killedAt - 2 * ProcessCluster.PersistInterval;
            var bound = successes.Count(o => o.User == window.Key.User && o.SentAt >= since && o.SentAt <= killedAt);
            output.WriteLine($"  {excess} over the limit after the kill -9 (bound: {bound} admitted in the {2 * ProcessCluster.PersistInterval.TotalSeconds} s before it)");
            Assert.True(excess <= bound, $"user {window.Key.User}: {excess} over the limit after the kill, more than the {bound} one persist interval can lose");
        }
    }

    private void ReportTimeline(IReadOnlyList<ProxyOutcome> outcomes, DateTime loadStart)
    {
        foreach (var slice in outcomes.GroupBy(o => (int)(o.SentAt - loadStart).TotalSeconds / 5).OrderBy(g => g.Key))
            output.WriteLine($"t={slice.Key * 5,3}s  " + string.Join("  ", slice.GroupBy(o => o.Status == 0 ? "exception" : $"{o.Status}{(o.ErrorCode is null ? "" : $" {o.ErrorCode}")}")
                .OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        output.WriteLine($"{outcomes.Count} calls: " + string.Join(", ", outcomes.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
    }

    private void Log(Stopwatch clock, string what) => output.WriteLine($"t={clock.Elapsed.TotalSeconds,5:0.0}s  {what}");

    private static async Task UntilAsync(Stopwatch clock, TimeSpan at)
    {
        var wait = at - clock.Elapsed;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
    }

    private static DateTime Minute(DateTime time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);

    private static string Describe(ProxyOutcome o) =>
        $"{o.SentAt:HH:mm:ss.fff}-{o.ReceivedAt:HH:mm:ss.fff} user {o.User} webapi {o.WebApi}: {o.Status} {o.ErrorCode} {o.RequestId}";

    private sealed class RowSummary
    {
        public string RequestId { get; init; } = "";
        public int Status { get; init; }
        public decimal Cost { get; init; }
    }
}
