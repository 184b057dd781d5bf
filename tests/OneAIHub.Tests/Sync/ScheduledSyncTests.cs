using Dapper;
using MySqlConnector;
using OneAIHub.Grains.Interfaces;
using OneAIHub.Grains.Interfaces.Sync;
using OneAIHub.Tests.Infrastructure;

namespace OneAIHub.Tests.Sync;

/// <summary>A hub of its own (own database, stand-in and two silos) whose sync reminder fires every two seconds.</summary>
public sealed class ScheduledSyncFixture : HubFixture
{
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["LiteLLM:SyncPeriod"] = "00:00:02";
        return settings;
    }
}

public sealed class ScheduledSyncTests(ScheduledSyncFixture hub) : IClassFixture<ScheduledSyncFixture>
{
    [Fact]
    public async Task Reminder_WithoutAnyTrigger_ImportsTheModelsAndKeepsFollowingLiteLLM()
    {
        await using var db = new MySqlConnection(hub.ConnectionString);

        await WaitUntilAsync(async () => await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM models WHERE is_available") == 15);

        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'sync.%'"));
        Assert.Equal(2.5m, await db.ExecuteScalarAsync<decimal>("SELECT litellm_input_price FROM models WHERE external_id = 'gpt-4o'"));

        // Later ticks follow LiteLLM: a removed model turns unavailable with no one pressing sync.
        hub.LiteLLM.RemoveModel("gpt-4o-mini");
        await WaitUntilAsync(async () =>
            !await db.ExecuteScalarAsync<bool>("SELECT is_available FROM models WHERE external_id = 'gpt-4o-mini'"));
        var status = await hub.Cluster.Client.GetGrain<IModelSyncGrain>(GrainKeys.ModelSync).GetStatusAsync();
        Assert.Equal("schedule", status.LastRun?.Trigger);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The reminder did not sync within a minute.");
            await Task.Delay(250);
        }
    }
}
