using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using MySqlConnector;
using OneAIHub.Tests.Infrastructure;

namespace OneAIHub.Tests.AdminUsers;

/// <summary>Looks at (and behind the hub's back, changes) what the LiteLLM stand-in holds, with its master key.</summary>
public sealed class LiteLLMView(HubFixture hub) : IDisposable
{
    private readonly HttpClient _http = CreateClient(hub);

    /// <summary>The LiteLLM budget with this id, or null.</summary>
    public async Task<JsonElement?> BudgetAsync(string budgetId)
    {
        var response = await _http.PostAsJsonAsync("/budget/info", new { budgets = new[] { budgetId } });
        response.EnsureSuccessStatusCode();
        var rows = await response.Content.ReadFromJsonAsync<JsonElement>();
        return rows.GetArrayLength() == 0 ? null : rows[0];
    }

    public async Task DeleteBudgetAsync(string budgetId) =>
        (await _http.PostAsJsonAsync("/budget/delete", new { id = budgetId })).EnsureSuccessStatusCode();

    public async Task SetBudgetAsync(string budgetId, decimal maxBudget) =>
        (await _http.PostAsJsonAsync("/budget/update", new { budget_id = budgetId, max_budget = maxBudget })).EnsureSuccessStatusCode();

    /// <summary>The <c>info</c> row of the LiteLLM virtual key behind a hub key.</summary>
    public async Task<JsonElement> VirtualKeyAsync(string hubKeyId)
    {
        await using var db = new MySqlConnection(hub.ConnectionString);
        var externalId = await db.QuerySingleAsync<string>("SELECT external_id FROM api_keys WHERE id = @hubKeyId", new { hubKeyId });
        var info = await _http.GetFromJsonAsync<JsonElement>($"/key/info?key={externalId}");
        return info.GetProperty("info");
    }

    public void Dispose() => _http.Dispose();

    private static HttpClient CreateClient(HubFixture hub)
    {
        var client = new HttpClient { BaseAddress = new Uri(hub.LiteLLM.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", hub.LiteLLM.MasterKey);
        return client;
    }
}
