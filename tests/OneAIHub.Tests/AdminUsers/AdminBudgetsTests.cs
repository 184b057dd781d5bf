using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using MySqlConnector;
using OneAIHub.Tests.Infrastructure;

namespace OneAIHub.Tests.AdminUsers;

[Collection(HubCollection.Name)]
public sealed class AdminBudgetsTests(HubFixture hub) : IDisposable
{
    private readonly LiteLLMView _liteLLM = new(hub);

    public void Dispose() => _liteLLM.Dispose();

    [Fact]
    public async Task ListBudgets_UserAndKeyBudgets_ShowOwnerKeySpendAndReset()
    {
        var customer = await Customers.CreateAsync(hub, balance: 0m);
        var (keyId, _) = await Customers.CreateKeyAsync(hub, customer, "budgeted key");
        using (var client = hub.CreateClient(customer.Token))
        {
            (await client.PutAsJsonAsync("/api/profile/budget", new { maxBudget = 12m, budgetDuration = "monthly" })).EnsureSuccessStatusCode();
            (await client.PutAsJsonAsync($"/api/keys/{keyId}/budget", new { maxBudget = 3m, budgetDuration = "daily" })).EnsureSuccessStatusCode();
        }
        var support = await Customers.CreateWithRoleAsync(hub, "support");
        using var staff = hub.CreateClient(support.Token);

        var all = await staff.GetFromJsonAsync<JsonElement>("/api/admin/budgets");

        var mine = all.EnumerateArray().Where(b => b.GetProperty("userId").GetString() == customer.Id).ToList();
        Assert.Equal(2, mine.Count);
        var user = mine.Single(b => b.GetProperty("scope").GetString() == "user");
        var key = mine.Single(b => b.GetProperty("scope").GetString() == "key");
        Assert.Equal(customer.Email, user.GetProperty("userEmail").GetString());
        Assert.Equal(12m, user.GetProperty("maxBudget").GetDecimal());
        Assert.Equal("monthly", user.GetProperty("budgetDuration").GetString());
        Assert.Equal(0m, user.GetProperty("spend").GetDecimal());
        Assert.True(user.GetProperty("resetAt").GetDateTime() > DateTime.UtcNow.AddDays(27));
        Assert.True(user.GetProperty("mirrored").GetBoolean());
        Assert.Equal(keyId, key.GetProperty("keyId").GetString());
        Assert.Equal("budgeted key", key.GetProperty("keyName").GetString());
    }

    [Fact]
    public async Task SyncBudgets_MissingAndChangedInLiteLLM_ReportsAndRepushesThemAndAudits()
    {
        var missing = await Customers.CreateAsync(hub, balance: 0m);
        var changed = await Customers.CreateAsync(hub, balance: 0m);
        var missingId = await SetUserBudgetAsync(missing, 7m);
        var changedId = await SetUserBudgetAsync(changed, 8m);
        await _liteLLM.DeleteBudgetAsync(missingId);
        await _liteLLM.SetBudgetAsync(changedId, 99m);
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var response = await admin.PostAsync("/api/admin/budgets/sync", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        var items = report.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("budgetId").GetString()!);
        Assert.Equal("missing", items[missingId].GetProperty("state").GetString());
        Assert.Equal("different", items[changedId].GetProperty("state").GetString());
        Assert.True(items[missingId].GetProperty("repushed").GetBoolean());
        Assert.True(items[changedId].GetProperty("repushed").GetBoolean());
        Assert.True(report.GetProperty("repushed").GetInt32() >= 2);
        Assert.Equal(7.0, (await _liteLLM.BudgetAsync(missingId))!.Value.GetProperty("max_budget").GetDouble());
        Assert.Equal(8.0, (await _liteLLM.BudgetAsync(changedId))!.Value.GetProperty("max_budget").GetDouble());

        var again = await (await admin.PostAsync("/api/admin/budgets/sync", null)).Content.ReadFromJsonAsync<JsonElement>();
        var rechecked = again.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("budgetId").GetString() == missingId);
        Assert.Equal("in_sync", rechecked.GetProperty("state").GetString());
        await using var db = new MySqlConnection(hub.ConnectionString);
        Assert.True(await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE action = 'budget.sync' AND after_json LIKE @id",
            new { id = $"%{missingId}%" }) >= 1);
    }

    [Fact]
    public async Task SyncBudgets_NeverMirroredBudget_IsPushedAndMarkedMirrored()
    {
        var customer = await Customers.CreateAsync(hub, balance: 0m);
        using var client = hub.CreateClient(customer.Token);
        hub.LiteLLM.FailAlways(500, "/budget/new");
        hub.LiteLLM.FailAlways(500, "/budget/update");
        string id;
        try
        {
            id = (await (await client.PutAsJsonAsync("/api/profile/budget", new { maxBudget = 4m, budgetDuration = "weekly" }))
                .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }
        finally
        {
            hub.LiteLLM.ClearFaults();
        }
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        (await admin.PostAsync("/api/admin/budgets/sync", null)).EnsureSuccessStatusCode();

        Assert.Equal("7d", (await _liteLLM.BudgetAsync(id))!.Value.GetProperty("budget_duration").GetString());
        Assert.True((await client.GetFromJsonAsync<JsonElement>("/api/profile/budget")).GetProperty("mirrored").GetBoolean());
    }

    [Fact]
    public async Task SyncBudgets_LiteLLMDown_Returns502ProblemWithReason()
    {
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());
        hub.LiteLLM.FailAlways(500, "/budget/list", "budget table locked");
        HttpResponseMessage response;
        try
        {
            response = await admin.PostAsync("/api/admin/budgets/sync", null);
        }
        finally
        {
            hub.LiteLLM.ClearFaults();
        }

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("budget table locked", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task LiteLLMBudgets_CreateListUpdateDelete_PassThroughAndAudit()
    {
        var budgetId = $"team-{Guid.NewGuid():N}";
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var created = await admin.PostAsJsonAsync("/api/admin/budgets/litellm",
            new { budgetId, maxBudget = 100m, softBudget = 80m, rpmLimit = 60, budgetDuration = "30d" });
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/admin/budgets/litellm");
        var updated = await admin.PutAsJsonAsync($"/api/admin/budgets/litellm/{budgetId}", new { maxBudget = 150m });
        var deleted = await admin.DeleteAsync($"/api/admin/budgets/litellm/{budgetId}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var row = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(budgetId, row.GetProperty("budgetId").GetString());
        Assert.Equal(100m, row.GetProperty("maxBudget").GetDecimal());
        Assert.Equal("30d", row.GetProperty("budgetDuration").GetString());
        Assert.Contains(listed.EnumerateArray(), b => b.GetProperty("budgetId").GetString() == budgetId);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(150m, (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("maxBudget").GetDecimal());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Null(await _liteLLM.BudgetAsync(budgetId));
        Assert.Equal(["litellm_budget.create", "litellm_budget.update", "litellm_budget.delete"],
            (await AuditRows.ForAsync(hub, budgetId)).Select(a => a.Action));
    }

    [Fact]
    public async Task LiteLLMBudgets_LiteLLMRefuses_Returns502WithLiteLLMsMessage()
    {
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var response = await admin.PutAsJsonAsync($"/api/admin/budgets/litellm/no-such-{Guid.NewGuid():N}", new { maxBudget = 1m });

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("not found", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("""{"maxBudget":-1}""", "maxBudget")]
    [InlineData("""{"budgetDuration":"monthly"}""", "budgetDuration")]
    [InlineData("""{"budgetId":"has spaces"}""", "budgetId")]
    [InlineData("""{"rpmLimit":-5}""", "rpmLimit")]
    public async Task LiteLLMBudgets_BadInput_Returns400AndSendsNothing(string json, string field)
    {
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());
        var before = hub.LiteLLM.RequestsTo("/budget/new").Count;

        var response = await admin.PostAsync("/api/admin/budgets/litellm", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(before, hub.LiteLLM.RequestsTo("/budget/new").Count);
    }

    private async Task<string> SetUserBudgetAsync(Customer customer, decimal max)
    {
        using var client = hub.CreateClient(customer.Token);
        var response = await client.PutAsJsonAsync("/api/profile/budget", new { maxBudget = max, budgetDuration = "daily" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
