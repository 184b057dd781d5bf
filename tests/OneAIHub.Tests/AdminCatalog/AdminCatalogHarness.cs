using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using MySqlConnector;
using OneAIHub.Grains.Interfaces;
using OneAIHub.Grains.Interfaces.Catalog;
using OneAIHub.Grains.Interfaces.Users;
using OneAIHub.Tests.Infrastructure;

namespace OneAIHub.Tests.AdminCatalog;

public sealed record SeededModel(string Id, string ExternalId, string Name, string CompanyId);

/// <summary>
/// Catalog rows straight into MySQL (the shared hub's catalog is empty until a sync), staff users,
/// and polling for changes that travel through the catalog snapshot.
/// </summary>
public static class AdminCatalogHarness
{
    // From sql/003_seed_tiers.sql.
    public const string FreeTierId = "00000000-0000-4000-8000-000000000001";
    public const string StarterTierId = "00000000-0000-4000-8000-000000000002";
    public const string ProTierId = "00000000-0000-4000-8000-000000000003";

    public static readonly TimeSpan PollLimit = TimeSpan.FromSeconds(3);

    /// <summary>A new company with one model (unique external ids), then a catalog refresh.</summary>
    public static async Task<SeededModel> InsertModelAsync(
        HubFixture hub, decimal? liteLlmInput = 1.5m, decimal? liteLlmOutput = 6m, bool available = true, string? externalId = null)
    {
        var suffix = Guid.NewGuid().ToString("N");
        var model = new SeededModel(Guid.NewGuid().ToString(), externalId ?? $"test-model-{suffix}", $"Test Model {suffix[..8]}",
            Guid.NewGuid().ToString());
        await using (var db = new MySqlConnection(hub.ConnectionString))
        {
            await db.ExecuteAsync("""
                INSERT INTO companies (id, name, external_id) VALUES (@CompanyId, @companyName, @companyExternalId);
                INSERT INTO models (id, company_id, name, external_id, mode, context_window, features, litellm_input_price,
                                    litellm_output_price, is_available, last_synced_at)
                VALUES (@Id, @CompanyId, @Name, @ExternalId, 'chat', 16000, '["streaming"]', @liteLlmInput, @liteLlmOutput,
                        @available, UTC_TIMESTAMP(6));
                """, new
            {
                model.Id, model.CompanyId, model.Name, model.ExternalId, companyName = $"Test Co {suffix[..8]}",
                companyExternalId = $"test-co-{suffix}", liteLlmInput, liteLlmOutput, available,
            });
        }
        await RefreshCatalogAsync(hub);
        return model;
    }

    /// <summary>A rate-limit request body; 0 means no limit on that measure.</summary>
    public static object RateLimitBody(string modelId, string tierId, int rpm = 10, int rpd = 200, int tpm = 20000, int tpd = 200000) => new
    {
        modelId, tierId, requestsPerMinute = rpm, requestsPerDay = rpd, tokensPerMinute = tpm, tokensPerDay = tpd,
    };

    /// <summary>Creates a rate limit through the admin API (which offers the model to the tier); returns its id.</summary>
    public static async Task<string> CreateRateLimitAsync(HttpClient admin, object body)
    {
        var response = await admin.PostAsJsonAsync("/api/admin/rate-limits", body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public static Task RefreshCatalogAsync(HubFixture hub) =>
        hub.Cluster.Client.GetGrain<ICatalogGrain>(GrainKeys.Catalog).RefreshAsync();

    /// <summary>A signed-up user; with a role, changed through the user's grain (the only writer of users).</summary>
    public static async Task<(string Token, string UserId)> UserAsync(HubFixture hub, string? role = null)
    {
        var (token, profile) = await Users.RegisterAsync(hub);
        var id = profile.GetProperty("id").GetString()!;
        if (role is not null)
            await hub.Cluster.Client.GetGrain<IUserGrain>(id).UpdateAsync(new UserUpdate(role, null, null, null, null, false));
        return (token, id);
    }

    /// <summary>Reads until <paramref name="done"/> holds or <see cref="PollLimit"/> passes; returns the last read.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value) || clock.Elapsed > PollLimit) return value;
            await Task.Delay(100);
        }
    }

    /// <summary>Polls the admin model list until the model is in it.</summary>
    public static async Task<JsonElement> AdminModelAsync(HttpClient admin, string modelId)
    {
        var models = await EventuallyAsync(
            () => admin.GetFromJsonAsync<JsonElement>("/api/admin/models"),
            list => list.EnumerateArray().Any(m => m.GetProperty("id").GetString() == modelId));
        return models.EnumerateArray().Single(m => m.GetProperty("id").GetString() == modelId);
    }

    /// <summary>The audit entries of one entity, newest first.</summary>
    public static async Task<List<JsonElement>> AuditAsync(HttpClient admin, string entityType, string entityId)
    {
        var page = await admin.GetFromJsonAsync<JsonElement>(
            $"/api/admin/audit?entityType={entityType}&entityId={Uri.EscapeDataString(entityId)}&pageSize=100");
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    public static async Task<long> CountAsync(HubFixture hub, string sql, object? parameters = null)
    {
        await using var db = new MySqlConnection(hub.ConnectionString);
        return await db.ExecuteScalarAsync<long>(sql, parameters);
    }

    public static async Task<string[]> FieldErrorsAsync(HttpResponseMessage response, string field)
    {
        // Read as a string (buffered) so a test may ask for several fields of one answer.
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();
    }
}
