using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using MySqlConnector;
using OneAIHub.Tests.Infrastructure;

namespace OneAIHub.Tests.Resilience;

/// <summary>A customer of the process cluster, ready to call /v1.</summary>
public sealed record LoadUser(int Index, string Id, string ApiKey, decimal InitialBalance);

/// <summary>The model, limits and customers of a fault test, set up as operators and users would: SQL for the synced model, the API for the rest.</summary>
public static class ClusterSeed
{
    /// <summary>A fixture model of the stand-in (every stand-in knows it, also one started again), priced, limited per minute on Starter.</summary>
    public const string Model = "gpt-3.5-turbo";

    public static async Task<string> AdminTokenAsync(ProcessCluster cluster)
    {
        using var client = cluster.CreateClient(0);
        var response = await client.PostAsJsonAsync("/api/auth/login",
            new { email = ProcessCluster.AdminEmail, password = ProcessCluster.AdminPassword });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>The model row as the sync writes it, its Starter limit, then the price through the admin API (which refreshes the catalog).</summary>
    public static async Task AddModelAsync(ProcessCluster cluster, string adminToken, int requestsPerMinute)
    {
        var modelId = Guid.NewGuid().ToString();
        await using (var db = new MySqlConnection(cluster.ConnectionString))
            await db.ExecuteAsync("""
                INSERT INTO companies (id, name, external_id, description) VALUES (UUID(), 'OpenAI', 'openai', 'Stand-in models')
                  ON DUPLICATE KEY UPDATE name = name;
                INSERT INTO models (id, company_id, name, external_id, mode, context_window, max_output_tokens, features,
                                    litellm_input_price, litellm_output_price, is_available, last_synced_at)
                VALUES (@modelId, (SELECT id FROM companies WHERE external_id = 'openai'), @Model, @Model, 'chat',
                        16385, 4096, '["function_calling"]', 0.5, 1.5, TRUE, UTC_TIMESTAMP(6));
                INSERT INTO rate_limits (id, model_id, tier_id, requests_per_minute, requests_per_day, tokens_per_minute, tokens_per_day)
                VALUES (UUID(), @modelId, @tier, @requestsPerMinute, 0, 0, 0);
                """, new { modelId, Model, tier = TestCatalog.StarterTier, requestsPerMinute });
        using var client = cluster.CreateClient(0, adminToken);
        var response = await client.PutAsJsonAsync($"/api/admin/model-configs/{modelId}",
            new { isEnabled = true, isFree = false, inputPricePerMillion = 1.5m, outputPricePerMillion = 2.5m });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Signs up, approved by the admin, moved to Starter, topped up, with one API key.</summary>
    public static async Task<LoadUser> CreateUserAsync(ProcessCluster cluster, string adminToken, int index, decimal balance)
    {
        using var anonymous = cluster.CreateClient(index % 2);
        var registered = await anonymous.PostAsJsonAsync("/api/auth/register", new { email = Users.NewEmail($"faults{index}"), password = Users.Password });
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        var body = await registered.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("token").GetString()!;
        var id = body.GetProperty("user").GetProperty("id").GetString()!;

        using var admin = cluster.CreateClient(index % 2, adminToken);
        await ExpectSuccessAsync(await admin.PostAsync($"/api/admin/approve/{id}", null));
        await ExpectSuccessAsync(await admin.PutAsJsonAsync($"/api/admin/users/{id}", new { tierId = TestCatalog.StarterTier }));
        await ExpectSuccessAsync(await admin.PostAsJsonAsync($"/api/admin/users/{id}/balance", new { amount = balance, reason = "fault test" }));

        using var user = cluster.CreateClient(index % 2, token);
        var created = await user.PostAsJsonAsync("/api/keys", new { name = "load" });
        await ExpectSuccessAsync(created);
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        return new LoadUser(index, id, key, balance);
    }

    private static async Task ExpectSuccessAsync(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
}
