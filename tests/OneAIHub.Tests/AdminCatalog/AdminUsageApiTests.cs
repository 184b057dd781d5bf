using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using MySqlConnector;
using OneAIHub.Tests.Infrastructure;
using static OneAIHub.Tests.AdminCatalog.AdminCatalogHarness;

namespace OneAIHub.Tests.AdminCatalog;

[Collection(HubCollection.Name)]
public sealed class AdminUsageApiTests(HubFixture hub)
{
    private async Task InsertRequestAsync(string userId, string? modelId, string modelName, DateTime at, int input, int output, decimal cost)
    {
        await using var db = new MySqlConnection(hub.ConnectionString);
        await db.ExecuteAsync("""
            INSERT INTO requests (id, request_id, user_id, model_id, model_name, endpoint, input_tokens, output_tokens,
                                  input_cost, output_cost, total_cost, status_code, latency_ms, streamed, created_at)
            VALUES (UUID(), @requestId, @userId, @modelId, @modelName, 'chat', @input, @output, @cost, 0, @cost, 200, 10, FALSE, @at)
            """, new { requestId = $"req-{Guid.NewGuid():N}", userId, modelId, modelName, at, input, output, cost });
    }

    private static JsonElement Row(JsonElement rows, string key) =>
        rows.EnumerateArray().Single(r => r.GetProperty("key").GetString() == key);

    // Each test reads its own far-past day so rows of other tests stay out of its range.
    [Fact]
    public async Task Usage_ByUserModelAndDay_SumsRequestsTokensAndCost()
    {
        var model = await InsertModelAsync(hub);
        var (_, userId) = await UserAsync(hub);
        var day = new DateTime(2001, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        await InsertRequestAsync(userId, model.Id, model.ExternalId, day.AddHours(1), 100, 10, 0.25m);
        await InsertRequestAsync(userId, model.Id, model.ExternalId, day.AddHours(2), 200, 20, 0.5m);
        await InsertRequestAsync(userId, null, "gone-model", day.AddDays(1).AddHours(3), 1, 2, 0.0000000001m);
        await InsertRequestAsync(userId, model.Id, model.ExternalId, day.AddDays(2), 999, 999, 9m); // at `to`: outside
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());
        const string range = "from=2001-03-01&to=2001-03-03";

        var byUser = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/usage?{range}&groupBy=user");
        var byModel = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/usage?{range}&groupBy=model");
        var byDay = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/usage?{range}&groupBy=day");

        var user = Row(byUser, userId);
        Assert.EndsWith("@example.com", user.GetProperty("label").GetString());
        Assert.Equal(3, user.GetProperty("requests").GetInt64());
        Assert.Equal(301, user.GetProperty("inputTokens").GetInt64());
        Assert.Equal(32, user.GetProperty("outputTokens").GetInt64());
        Assert.Equal(0.7500000001m, user.GetProperty("totalCost").GetDecimal());
        Assert.Equal(model.Name, Row(byModel, model.ExternalId).GetProperty("label").GetString());
        Assert.Equal(2, Row(byModel, model.ExternalId).GetProperty("requests").GetInt64());
        Assert.Equal("gone-model", Row(byModel, "gone-model").GetProperty("label").GetString());
        Assert.Equal(["2001-03-01", "2001-03-02"], byDay.EnumerateArray().Select(r => r.GetProperty("key").GetString()!).ToArray());
        Assert.Equal(0.75m, Row(byDay, "2001-03-01").GetProperty("totalCost").GetDecimal());
    }

    [Fact]
    public async Task Usage_NoRange_CoversTheLastThirtyDays()
    {
        var (_, userId) = await UserAsync(hub);
        await InsertRequestAsync(userId, null, "recent-model", DateTime.UtcNow.AddDays(-1), 5, 5, 1m);
        await InsertRequestAsync(userId, null, "old-model", DateTime.UtcNow.AddDays(-31), 5, 5, 1m);
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var byUser = await admin.GetFromJsonAsync<JsonElement>("/api/admin/usage?groupBy=user");

        Assert.Equal(1, Row(byUser, userId).GetProperty("requests").GetInt64());
    }

    [Theory]
    [InlineData("groupBy=week", "groupBy", "Group by must be one of: user, model, day.")]
    [InlineData("from=yesterday", "from", "'yesterday' is not an ISO-8601 date or date-time.")]
    [InlineData("from=2024-02-01&to=2024-01-01", "from", "From must be before to.")]
    [InlineData("from=2022-01-01&to=2024-01-01", "from", "The range may span at most 366 days.")]
    public async Task Usage_BadQuery_Returns400WithFieldError(string query, string field, string message)
    {
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var response = await admin.GetAsync($"/api/admin/usage?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await FieldErrorsAsync(response, field));
    }
}
