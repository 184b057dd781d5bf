using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using MySqlConnector;
using OneAIHub.Grains.Interfaces.Users;
using OneAIHub.Tests.Infrastructure;
using Orleans.Core.Internal;

namespace OneAIHub.Tests.AdminUsers;

[Collection(HubCollection.Name)]
public sealed class BudgetTests(HubFixture hub) : IDisposable
{
    private readonly LiteLLMView _liteLLM = new(hub);

    public void Dispose() => _liteLLM.Dispose();

    [Fact]
    public async Task UserBudget_SetChangeRemove_WritesOneRowAndMirrorsToLiteLLMBudget()
    {
        var customer = await Customers.CreateAsync(hub, balance: 0m);
        using var client = hub.CreateClient(customer.Token);

        var created = await client.PutAsJsonAsync("/api/profile/budget", new { maxBudget = 25m, budgetDuration = "weekly" });
        var budget = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = budget.GetProperty("id").GetString()!;
        var there = await _liteLLM.BudgetAsync(id);
        var changed = await (await client.PutAsJsonAsync("/api/profile/budget", new { maxBudget = 30.5m, budgetDuration = "monthly" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var thereChanged = await _liteLLM.BudgetAsync(id);
        var read = await client.GetFromJsonAsync<JsonElement>("/api/profile/budget");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("user", budget.GetProperty("scope").GetString());
        Assert.Equal(JsonValueKind.Null, budget.GetProperty("keyId").ValueKind);
        Assert.Equal(25m, budget.GetProperty("maxBudget").GetDecimal());
        Assert.Equal(0m, budget.GetProperty("spend").GetDecimal());
        Assert.Equal(25m, budget.GetProperty("remaining").GetDecimal());
        Assert.True(budget.GetProperty("mirrored").GetBoolean());
        Assert.Equal(JsonValueKind.Null, budget.GetProperty("mirrorError").ValueKind);
        var period = budget.GetProperty("resetAt").GetDateTime() - budget.GetProperty("periodStart").GetDateTime();
        Assert.Equal(TimeSpan.FromDays(7), period);
        Assert.Equal(25.0, there!.Value.GetProperty("max_budget").GetDouble());
        Assert.Equal("7d", there.Value.GetProperty("budget_duration").GetString());
        Assert.Equal(id, changed.GetProperty("id").GetString());
        Assert.Equal("monthly", changed.GetProperty("budgetDuration").GetString());
        Assert.Equal(30.5, thereChanged!.Value.GetProperty("max_budget").GetDouble());
        Assert.Equal("1mo", thereChanged.Value.GetProperty("budget_duration").GetString());
        Assert.Equal(30.5m, read.GetProperty("maxBudget").GetDecimal());
        Assert.True(read.GetProperty("mirrored").GetBoolean());
        await using var db = new MySqlConnection(hub.ConnectionString);
        var row = await db.QuerySingleAsync<(string Scope, decimal Max, string Duration, string ExternalId)>(
            "SELECT scope, max_budget, budget_duration, external_id FROM budgets WHERE user_id = @Id", customer);
        Assert.Equal(("user", 30.5m, "monthly", id), row);

        var removed = await client.DeleteAsync("/api/profile/budget");

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.True((await removed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mirrored").GetBoolean());
        Assert.Null(await _liteLLM.BudgetAsync(id));
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM budgets WHERE user_id = @Id", customer));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/profile/budget")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/profile/budget")).StatusCode);
    }

    [Fact]
    public async Task KeyBudget_SetAndRemove_SetsAndClearsTheVirtualKeysBudget()
    {
        var customer = await Customers.CreateAsync(hub, balance: 0m);
        var (keyId, _) = await Customers.CreateKeyAsync(hub, customer);
        using var client = hub.CreateClient(customer.Token);

        var set = await client.PutAsJsonAsync($"/api/keys/{keyId}/budget", new { maxBudget = 5m, budgetDuration = "daily" });
        var virtualKey = await _liteLLM.VirtualKeyAsync(keyId);
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/keys/{keyId}/budget");
        var removed = await client.DeleteAsync($"/api/keys/{keyId}/budget");
        var cleared = await _liteLLM.VirtualKeyAsync(keyId);

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var budget = await set.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("key", budget.GetProperty("scope").GetString());
        Assert.Equal(keyId, budget.GetProperty("keyId").GetString());
        Assert.True(budget.GetProperty("mirrored").GetBoolean());
        Assert.Equal(5.0, virtualKey.GetProperty("max_budget").GetDouble());
        Assert.Equal("1d", virtualKey.GetProperty("budget_duration").GetString());
        Assert.Equal(5m, read.GetProperty("maxBudget").GetDecimal());
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("max_budget").ValueKind);
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("budget_duration").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/keys/{keyId}/budget")).StatusCode);
    }

    [Fact]
    public async Task KeyBudget_AnotherUsersKey_Returns404AndWritesNothing()
    {
        var owner = await Customers.CreateAsync(hub, balance: 0m);
        var (keyId, _) = await Customers.CreateKeyAsync(hub, owner);
        using (var ownerClient = hub.CreateClient(owner.Token))
            (await ownerClient.PutAsJsonAsync($"/api/keys/{keyId}/budget", new { maxBudget = 5m, budgetDuration = "daily" })).EnsureSuccessStatusCode();
        var stranger = await Customers.CreateAsync(hub, balance: 0m);
        using var client = hub.CreateClient(stranger.Token);

        var get = await client.GetAsync($"/api/keys/{keyId}/budget");
        var put = await client.PutAsJsonAsync($"/api/keys/{keyId}/budget", new { maxBudget = 1m, budgetDuration = "daily" });
        var delete = await client.DeleteAsync($"/api/keys/{keyId}/budget");

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], new[] { get.StatusCode, put.StatusCode, delete.StatusCode });
        await using var db = new MySqlConnection(hub.ConnectionString);
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM budgets WHERE user_id = @Id", stranger));
        Assert.Equal(5m, await db.QuerySingleAsync<decimal>("SELECT max_budget FROM budgets WHERE api_key_id = @keyId", new { keyId }));
    }

    [Fact]
    public async Task KeyBudget_RevokedKey_Returns409()
    {
        var customer = await Customers.CreateAsync(hub, balance: 0m);
        var (keyId, _) = await Customers.CreateKeyAsync(hub, customer);
        using var client = hub.CreateClient(customer.Token);
        (await client.DeleteAsync($"/api/keys/{keyId}")).EnsureSuccessStatusCode();

        var response = await client.PutAsJsonAsync($"/api/keys/{keyId}/budget", new { maxBudget = 1m, budgetDuration = "daily" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"maxBudget":0,"budgetDuration":"daily"}""", "maxBudget")]
    [InlineData("""{"maxBudget":-3,"budgetDuration":"daily"}""", "maxBudget")]
    [InlineData("""{"maxBudget":1000000.5,"budgetDuration":"daily"}""", "maxBudget")]
    [InlineData("""{"budgetDuration":"daily"}""", "maxBudget")]
    [InlineData("""{"maxBudget":5,"budgetDuration":"yearly"}""", "budgetDuration")]
    [InlineData("""{"maxBudget":5}""", "budgetDuration")]
    public async Task SetBudget_BadInput_Returns400AndWritesNothing(string json, string field)
    {
        var customer = await Customers.CreateAsync(hub, balance: 0m);
        var (keyId, _) = await Customers.CreateKeyAsync(hub, customer);
        using var client = hub.CreateClient(customer.Token);

        foreach (var path in new[] { "/api/profile/budget", $"/api/keys/{keyId}/budget" })
        {
            var response = await client.PutAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        }
        await using var db = new MySqlConnection(hub.ConnectionString);
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM budgets WHERE user_id = @Id", customer));
    }

    [Fact]
    public async Task UserBudget_LiteLLMRefuses_KeptInHubAndReportedNotMirrored()
    {
        var customer = await Customers.CreateAsync(hub, balance: 0m);
        using var client = hub.CreateClient(customer.Token);
        hub.LiteLLM.FailAlways(500, "/budget/new", "database is down");
        hub.LiteLLM.FailAlways(500, "/budget/update", "database is down");
        HttpResponseMessage response;
        try
        {
            response = await client.PutAsJsonAsync("/api/profile/budget", new { maxBudget = 10m, budgetDuration = "daily" });
        }
        finally
        {
            hub.LiteLLM.ClearFaults();
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var budget = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(budget.GetProperty("mirrored").GetBoolean());
        Assert.Contains("database is down", budget.GetProperty("mirrorError").GetString());
        Assert.False((await client.GetFromJsonAsync<JsonElement>("/api/profile/budget")).GetProperty("mirrored").GetBoolean());
        Assert.Null(await _liteLLM.BudgetAsync(budget.GetProperty("id").GetString()!));
        await using var db = new MySqlConnection(hub.ConnectionString);
        Assert.Null(await db.QuerySingleAsync<string?>("SELECT external_id FROM budgets WHERE user_id = @Id", customer));
    }

    [Fact]
    public async Task Proxy_UserBudgetSpent_Refuses429BudgetExceeded()
    {
        await TestModel.EnsureAsync(hub);
        var customer = await Customers.CreateAsync(hub);
        var (_, key) = await Customers.CreateKeyAsync(hub, customer);
        using var client = hub.CreateClient(customer.Token);
        (await client.PutAsJsonAsync("/api/profile/budget", new { maxBudget = 1m, budgetDuration = "daily" })).EnsureSuccessStatusCode();

        var first = await Customers.ChatAsync(hub, key);
        var second = await Customers.ChatAsync(hub, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        var error = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal("budget_exceeded", error.GetProperty("type").GetString());
        Assert.Equal("budget_exceeded", error.GetProperty("code").GetString());
        var budget = await client.GetFromJsonAsync<JsonElement>("/api/profile/budget");
        Assert.True(budget.GetProperty("spend").GetDecimal() >= 1m);
        Assert.Equal(0m, budget.GetProperty("remaining").GetDecimal());
    }

    [Fact]
    public async Task Proxy_KeyBudgetSpent_RefusesOnlyThatKey()
    {
        await TestModel.EnsureAsync(hub);
        var customer = await Customers.CreateAsync(hub);
        var (capped, cappedKey) = await Customers.CreateKeyAsync(hub, customer, "capped");
        var (_, freeKey) = await Customers.CreateKeyAsync(hub, customer, "uncapped");
        using var client = hub.CreateClient(customer.Token);
        (await client.PutAsJsonAsync($"/api/keys/{capped}/budget", new { maxBudget = 1m, budgetDuration = "weekly" })).EnsureSuccessStatusCode();

        var first = await Customers.ChatAsync(hub, cappedKey);
        var refused = await Customers.ChatAsync(hub, cappedKey);
        var other = await Customers.ChatAsync(hub, freeKey);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task BudgetReset_PeriodEndsWhileUserIsIdle_ReminderStartsNewPeriodAndProxyAdmitsAgain()
    {
        await TestModel.EnsureAsync(hub);
        var customer = await Customers.CreateAsync(hub);
        var (_, key) = await Customers.CreateKeyAsync(hub, customer);
        using (var client = hub.CreateClient(customer.Token))
            (await client.PutAsJsonAsync("/api/profile/budget", new { maxBudget = 1m, budgetDuration = "daily" })).EnsureSuccessStatusCode();
        (await Customers.ChatAsync(hub, key)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Customers.ChatAsync(hub, key)).StatusCode);
        await using var db = new MySqlConnection(hub.ConnectionString);
        await Poll.UntilAsync(async () => await db.QuerySingleAsync<decimal>("SELECT spend FROM budgets WHERE user_id = @Id", customer) >= 1m,
            "the spend to be flushed");

        // The day ends while nobody uses the account: the grain goes idle, and its period is made to have ended.
        await hub.Cluster.Client.GetGrain<IUserGrain>(customer.Id).AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        await Task.Delay(1000);
        var now = DateTime.UtcNow;
        await db.ExecuteAsync("UPDATE budgets SET period_start = @start, reset_at = @end WHERE user_id = @id",
            new { start = now.AddDays(-1).AddSeconds(-1), end = now.AddSeconds(-1), id = customer.Id });

        await Poll.UntilAsync(async () => await db.QuerySingleAsync<decimal>("SELECT spend FROM budgets WHERE user_id = @Id", customer) == 0m,
            "the reset reminder to start a new period");
        var resetAt = await db.QuerySingleAsync<DateTime>("SELECT reset_at FROM budgets WHERE user_id = @Id", customer);
        Assert.InRange(resetAt, now.AddDays(1).AddSeconds(-2), now.AddDays(1));
        Assert.Equal(HttpStatusCode.OK, (await Customers.ChatAsync(hub, key)).StatusCode);
    }
}
