using System.Globalization;
using Dapper;
using MySqlConnector;
using OneAIHub.Grains.Interfaces.Proxy;
using OneAIHub.Grains.Interfaces.Users;
using OneAIHub.Grains.Users;
using OneAIHub.Tests.Infrastructure;

namespace OneAIHub.Tests.Resilience;

/// <summary>
/// Settlements that arrive where admission did not happen (the admitting activation died with its
/// silo) or arrive more than once (a WebApi settles again when it cannot tell whether a record
/// landed): each request still gets exactly one row and one charge.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class SettlementTests(HubFixture hub)
{
    [Fact]
    public async Task Settle_UnknownToThisActivationAndSentThreeTimes_OneRowAndOneCharge()
    {
        var model = await TestCatalog.AddModelAsync(hub, 2m, 4m, new TierLimits(TestCatalog.StarterTier, 100, 1000, 100000, 1000000));
        var user = await TestAccounts.CreateAsync(hub, TestCatalog.StarterTier, 1m);
        var grain = hub.Cluster.Client.GetGrain<IUserGrain>(user.Id);
        var settlement = await SettlementAsync(user, model, charge: true);

        var first = await grain.SettleAsync(settlement);
        var beforeFlush = await grain.SettleAsync(settlement);
        Assert.True(await grain.WaitUntilRecordedAsync(first) >= first.Sequence);
        var afterFlush = await grain.SettleAsync(settlement);

        Assert.Equal(first, beforeFlush);
        Assert.True(await grain.WaitUntilRecordedAsync(afterFlush) >= afterFlush.Sequence);
        await using var db = new MySqlConnection(hub.ConnectionString);
        var cost = Assert.Single(await db.QueryAsync<decimal>("SELECT total_cost FROM requests WHERE request_id = @RequestId", settlement));
        Assert.Equal((1000 * 2m + 500 * 4m) / 1_000_000m, cost);
        Assert.Equal(1m - cost, await db.ExecuteScalarAsync<decimal>("SELECT balance FROM user_limits WHERE user_id = @Id", user));
        Assert.Equal(1m - cost, (await grain.GetProfileAsync())!.Balance);
    }

    [Fact]
    public async Task WaitUntilRecorded_ReceiptOfAnotherActivation_ReturnsNull()
    {
        var user = await TestAccounts.CreateAsync(hub, TestCatalog.StarterTier, 0m);

        var recorded = await hub.Cluster.Client.GetGrain<IUserGrain>(user.Id).WaitUntilRecordedAsync(new SettleReceipt(Guid.NewGuid(), 1));

        Assert.Null(recorded);
    }

    [Fact]
    public async Task WriteCharges_RetryCarriesARowThatLanded_WritesAndChargesOnlyTheNewOne()
    {
        var user = await TestAccounts.CreateAsync(hub, TestCatalog.StarterTier, 1m);
        var repository = new UserRepository(new MySqlDataSource(hub.ConnectionString));
        var landed = Record(user, 0.25m);
        var newer = Record(user, 0.5m);

        // The first write committed but its answer was lost; the retry also carries a newer record.
        await repository.WriteChargesAsync(user.Id, Batch(false, landed));
        await repository.WriteChargesAsync(user.Id, Batch(true, landed, newer));

        await using var db = new MySqlConnection(hub.ConnectionString);
        Assert.Equal(2, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM requests WHERE user_id = @Id", user));
        Assert.Equal(0.25m, await db.ExecuteScalarAsync<decimal>("SELECT balance FROM user_limits WHERE user_id = @Id", user));
        Assert.Equal(0.75m, await db.ExecuteScalarAsync<decimal>("SELECT total_spent FROM user_spendings WHERE user_id = @Id", user));
    }

    private async Task<Settlement> SettlementAsync(ProxyUser user, string model, bool charge)
    {
        await using var db = new MySqlConnection(hub.ConnectionString);
        var modelId = await db.ExecuteScalarAsync<string>("SELECT id FROM models WHERE external_id = @model", new { model });
        var now = DateTime.UtcNow;
        return new Settlement($"req_{Guid.NewGuid():N}", 1000, 500, 200, null, 40, false, charge, user.ApiKeyId, modelId!,
            "chat/completions", 1500, new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc), now.Date);
    }

    private static RequestRecord Record(ProxyUser user, decimal cost) =>
        new(Guid.NewGuid().ToString(), $"req_{Guid.NewGuid():N}", user.Id, user.ApiKeyId, null, "test-model", "chat/completions",
            10, 10, cost, 0m, cost, 200, null, 5, false, DateTime.UtcNow);

    private static ChargeBatch Batch(bool mayHaveLanded, params RequestRecord[] records) =>
        new(records, records.Sum(r => (long)r.InputTokens + r.OutputTokens), DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture), [],
            new Dictionary<string, DateTime>(), mayHaveLanded);
}
