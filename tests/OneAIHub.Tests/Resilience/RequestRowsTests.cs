using System.Globalization;
using Dapper;
using MySqlConnector;
using OneAIHub.Grains.Users;
using OneAIHub.Tests.Infrastructure;

namespace OneAIHub.Tests.Resilience;

/// <summary>
/// Request rows are written as SQL literals in multi-row INSERTs (no driver parameters): every value
/// must come back exactly, whatever text it holds, across statement boundaries.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class RequestRowsTests(HubFixture hub)
{
    [Fact]
    public async Task WriteCharges_HostileTextAndExactNumbers_ReadBackUnchanged()
    {
        var user = await TestAccounts.CreateAsync(hub, TestCatalog.StarterTier, 10m);
        var at = new DateTime(2026, 11, 23, 19, 5, 7, DateTimeKind.Utc).AddTicks(1234560);
        var hostile = new RequestRecord(Guid.NewGuid().ToString(), $"req_{Guid.NewGuid():N}", user.Id, user.ApiKeyId, null,
            "o'brien\\\"; DROP TABLE requests; -- 模型 🚀 @p0 ?", "chat/completions", 123456, 7,
            0.0000000001m, 1.2345678901m, 1.2345678902m, 499, "client'closed\\", 42, true, at);

        await new UserRepository(new MySqlDataSource(hub.ConnectionString)).WriteChargesAsync(user.Id, Batch([hostile]));

        await using var db = new MySqlConnection(hub.ConnectionString);
        var row = await db.QuerySingleAsync(
            "SELECT * FROM requests WHERE request_id = @RequestId", new { hostile.RequestId });
        Assert.Equal(hostile.Id, (string)row.id);
        Assert.Equal(hostile.ModelName, (string)row.model_name);
        Assert.Equal(hostile.ErrorType, (string)row.error_type);
        Assert.Null(row.model_id);
        Assert.Equal(hostile.InputTokens, (int)row.input_tokens);
        Assert.Equal(hostile.InputCost, (decimal)row.input_cost);
        Assert.Equal(hostile.OutputCost, (decimal)row.output_cost);
        Assert.Equal(hostile.TotalCost, (decimal)row.total_cost);
        Assert.Equal(499, (int)row.status_code);
        Assert.True(Convert.ToBoolean(row.streamed));
        Assert.Equal(at, DateTime.SpecifyKind((DateTime)row.created_at, DateTimeKind.Utc));
        Assert.Equal(10m - hostile.TotalCost, await db.ExecuteScalarAsync<decimal>("SELECT balance FROM user_limits WHERE user_id = @Id", user));
    }

    [Fact]
    public async Task WriteCharges_MoreRowsThanOneStatementHolds_AllLandWithTheirMoney()
    {
        var user = await TestAccounts.CreateAsync(hub, TestCatalog.StarterTier, 10m);
        var records = Enumerable.Range(0, 1201).Select(i => new RequestRecord(Guid.NewGuid().ToString(), $"req_{Guid.NewGuid():N}",
            user.Id, user.ApiKeyId, null, $"model-{i}", "embeddings", i, 0, 0.000001m * i, 0m, 0.000001m * i, 200, null, 3, false,
            DateTime.UtcNow)).ToList();

        await new UserRepository(new MySqlDataSource(hub.ConnectionString)).WriteChargesAsync(user.Id, Batch(records));

        await using var db = new MySqlConnection(hub.ConnectionString);
        Assert.Equal(1201, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM requests WHERE user_id = @Id", user));
        Assert.Equal(records.Sum(r => (long)r.InputTokens),
            await db.ExecuteScalarAsync<long>("SELECT SUM(input_tokens) FROM requests WHERE user_id = @Id", user));
        Assert.Equal(10m - records.Sum(r => r.TotalCost),
            await db.ExecuteScalarAsync<decimal>("SELECT balance FROM user_limits WHERE user_id = @Id", user));
    }

    private static ChargeBatch Batch(IReadOnlyList<RequestRecord> records) =>
        new(records, records.Sum(r => (long)r.InputTokens + r.OutputTokens), DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture), [],
            new Dictionary<string, DateTime>(), MayHaveLanded: false);
}
