using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using MySqlConnector;
using OneAIHub.Tests.Infrastructure;

namespace OneAIHub.Tests.AdminUsers;

[Collection(HubCollection.Name)]
public sealed class RequestHistoryTests(HubFixture hub)
{
    /// <summary>Three requests: two on key A, one on key B (A, B, A in time).</summary>
    private async Task<(Customer Customer, string KeyA, string KeyB, string ModelId)> ThreeRequestsAsync()
    {
        var modelId = await TestModel.EnsureAsync(hub);
        var customer = await Customers.CreateAsync(hub);
        var (keyA, secretA) = await Customers.CreateKeyAsync(hub, customer, "key A");
        var (keyB, secretB) = await Customers.CreateKeyAsync(hub, customer, "key B");
        foreach (var secret in new[] { secretA, secretB, secretA })
            (await Customers.ChatAsync(hub, secret)).EnsureSuccessStatusCode();
        await Customers.WaitForRequestsAsync(hub, customer, 3);
        return (customer, keyA, keyB, modelId);
    }

    [Fact]
    public async Task ListRequests_ThreeRequests_NewestFirstWithTokensCostsAndTotals()
    {
        var (customer, keyA, keyB, modelId) = await ThreeRequestsAsync();
        using var client = hub.CreateClient(customer.Token);

        var page = await client.GetFromJsonAsync<JsonElement>("/api/requests");

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
        var times = items.Select(i => i.GetProperty("createdAt").GetDateTime()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.Equal([keyA, keyB, keyA], items.Select(i => i.GetProperty("keyId").GetString()).Reverse());
        Assert.Equal(["key A", "key B", "key A"], items.Select(i => i.GetProperty("keyName").GetString()).Reverse());
        foreach (var row in items)
        {
            Assert.Equal(TestModel.ExternalId, row.GetProperty("model").GetString());
            Assert.Equal(modelId, row.GetProperty("modelId").GetString());
            Assert.Equal("chat/completions", row.GetProperty("endpoint").GetString());
            Assert.Equal(200, row.GetProperty("statusCode").GetInt32());
            Assert.Equal("success", row.GetProperty("status").GetString());
            Assert.False(row.GetProperty("streamed").GetBoolean());
            Assert.StartsWith("req_", row.GetProperty("requestId").GetString(), StringComparison.Ordinal);
            var input = row.GetProperty("inputTokens").GetInt32();
            var output = row.GetProperty("outputTokens").GetInt32();
            Assert.True(input > 0 && output > 0);
            Assert.Equal(input * TestModel.PricePerToken, row.GetProperty("inputCost").GetDecimal());
            Assert.Equal(output * TestModel.PricePerToken, row.GetProperty("outputCost").GetDecimal());
            Assert.Equal((input + output) * TestModel.PricePerToken, row.GetProperty("totalCost").GetDecimal());
        }
        var totals = page.GetProperty("totals");
        Assert.Equal(3, totals.GetProperty("requests").GetInt64());
        Assert.Equal(items.Sum(i => i.GetProperty("inputTokens").GetInt64()), totals.GetProperty("inputTokens").GetInt64());
        Assert.Equal(items.Sum(i => i.GetProperty("outputTokens").GetInt64()), totals.GetProperty("outputTokens").GetInt64());
        Assert.Equal(items.Sum(i => i.GetProperty("inputCost").GetDecimal()), totals.GetProperty("inputCost").GetDecimal());
        Assert.Equal(items.Sum(i => i.GetProperty("outputCost").GetDecimal()), totals.GetProperty("outputCost").GetDecimal());
        Assert.Equal(items.Sum(i => i.GetProperty("totalCost").GetDecimal()), totals.GetProperty("totalCost").GetDecimal());
    }

    [Fact]
    public async Task ListRequests_CursorPaging_WalksEveryRowOnceWithTotalsOfTheWholeRange()
    {
        var (customer, _, _, _) = await ThreeRequestsAsync();
        using var client = hub.CreateClient(customer.Token);

        var first = await client.GetFromJsonAsync<JsonElement>("/api/requests?limit=2");
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/requests?limit=2&cursor={Uri.EscapeDataString(cursor!)}");
        var all = await client.GetFromJsonAsync<JsonElement>("/api/requests");

        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Single(second.GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        var paged = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Equal(all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()), paged);
        Assert.Equal(3, first.GetProperty("totals").GetProperty("requests").GetInt64());
        Assert.Equal(3, second.GetProperty("totals").GetProperty("requests").GetInt64());
    }

    [Fact]
    public async Task ListRequests_Filters_MatchByKeyModelAndTimeRange()
    {
        var (customer, keyA, keyB, modelId) = await ThreeRequestsAsync();
        using var client = hub.CreateClient(customer.Token);
        var all = await client.GetFromJsonAsync<JsonElement>("/api/requests");
        var oldest = all.GetProperty("items")[2].GetProperty("createdAt").GetDateTime().ToUniversalTime();
        var newest = all.GetProperty("items")[0].GetProperty("createdAt").GetDateTime().ToUniversalTime();

        async Task<long> CountAsync(string query) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/requests?{query}")).GetProperty("totals").GetProperty("requests").GetInt64();

        Assert.Equal(2, await CountAsync($"keyId={keyA}"));
        Assert.Equal(1, await CountAsync($"keyId={keyB}"));
        Assert.Equal(3, await CountAsync($"model={TestModel.ExternalId}"));
        Assert.Equal(3, await CountAsync($"model={modelId}"));
        Assert.Equal(0, await CountAsync("model=gpt-4o"));
        Assert.Equal(2, await CountAsync($"from={Iso(oldest.AddTicks(10))}"));
        Assert.Equal(1, await CountAsync($"to={Iso(oldest)}"));
        Assert.Equal(3, await CountAsync($"from={Iso(oldest)}&to={Iso(newest)}"));
        Assert.Equal(0, await CountAsync($"from={Iso(newest.AddSeconds(1))}"));
    }

    [Fact]
    public async Task ListRequests_AnotherUsersRows_AreNeverShown()
    {
        var (owner, keyA, _, _) = await ThreeRequestsAsync();
        var stranger = await Customers.CreateAsync(hub, balance: 0m);
        using var client = hub.CreateClient(stranger.Token);

        var mine = await client.GetFromJsonAsync<JsonElement>("/api/requests");
        var theirKey = await client.GetFromJsonAsync<JsonElement>($"/api/requests?keyId={keyA}");
        var export = await client.GetStringAsync($"/api/requests/export?keyId={keyA}");

        Assert.Equal(0, mine.GetProperty("items").GetArrayLength());
        Assert.Equal(0, mine.GetProperty("totals").GetProperty("requests").GetInt64());
        Assert.Equal(0, theirKey.GetProperty("items").GetArrayLength());
        Assert.Single(export.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var ownerClient = hub.CreateClient(owner.Token);
        Assert.Equal(3, (await ownerClient.GetFromJsonAsync<JsonElement>("/api/requests")).GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z", "to")]
    public async Task ListRequests_BadQuery_Returns400WithFieldError(string query, string field)
    {
        var (token, _) = await Users.RegisterAsync(hub);
        using var client = hub.CreateClient(token);

        var response = await client.GetAsync($"/api/requests?{query}");
        var export = await client.GetAsync($"/api/requests/export?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(field == "limit" ? HttpStatusCode.OK : HttpStatusCode.BadRequest, export.StatusCode); // export ignores limit
    }

    [Fact]
    public async Task Export_History_IsCsvAttachmentWithEveryFilteredRow()
    {
        var (customer, keyA, _, _) = await ThreeRequestsAsync();
        using var client = hub.CreateClient(customer.Token);
        var json = await client.GetFromJsonAsync<JsonElement>("/api/requests");
        (await client.PatchAsJsonAsync($"/api/keys/{keyA}", new { name = "=2+3, \"x\"" })).EnsureSuccessStatusCode();

        var response = await client.GetAsync("/api/requests/export");
        var filtered = await client.GetStringAsync($"/api/requests/export?keyId={keyA}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"attachment; filename=\"requests-{DateTime.UtcNow:yyyyMMdd}.csv\"",
            response.Content.Headers.GetValues("Content-Disposition").Single());
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("id,requestId,createdAt,model,modelId,keyId,keyName,endpoint,inputTokens,outputTokens,inputCost,outputCost,totalCost,statusCode,status,latencyMs,streamed", lines[0]);
        Assert.Equal(4, lines.Count);
        var newest = json.GetProperty("items")[0];
        var cells = lines[1].Split(',');
        Assert.Equal(newest.GetProperty("id").GetString(), cells[0]);
        Assert.Contains(",\"'=2+3, \"\"x\"\"\",", lines[1]); // quoted, and not a formula in a spreadsheet
        Assert.Equal(newest.GetProperty("totalCost").GetDecimal(), decimal.Parse(cells[^5], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("success", cells[^3]);
        Assert.Equal(3, filtered.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Export_MoreRowsThanOnePage_StreamsThemAllAndPagingAgrees()
    {
        const int count = 1234;
        var customer = await Customers.CreateAsync(hub, balance: 0m);
        await using (var db = new MySqlConnection(hub.ConnectionString))
        {
            var start = DateTime.UtcNow.AddHours(-1);
            var rows = Enumerable.Range(0, count).Select(i => new
            {
                id = Guid.NewGuid().ToString(), requestId = $"req-{Guid.NewGuid():N}", userId = customer.Id,
                // Pairs share a timestamp, so the cursor's tie-break on id is exercised.
                createdAt = start.AddMilliseconds(i / 2),
            });
            await db.ExecuteAsync("""
                INSERT INTO requests (id, request_id, user_id, api_key_id, model_id, model_name, endpoint, input_tokens, output_tokens,
                                      input_cost, output_cost, total_cost, status_code, error_type, latency_ms, streamed, created_at)
                VALUES (@id, @requestId, @userId, NULL, NULL, 'bulk-model', 'chat/completions', 1, 1, 0.1, 0.1, 0.2, 502, 'upstream_error', 5, FALSE, @createdAt)
                """, rows);
        }
        using var client = hub.CreateClient(customer.Token);

        var csv = await client.GetStringAsync("/api/requests/export");
        var seen = new HashSet<string>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/requests?limit=200{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}");
            foreach (var item in page.GetProperty("items").EnumerateArray()) Assert.True(seen.Add(item.GetProperty("id").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(count + 1, lines.Length);
        Assert.Equal(count, lines.Skip(1).Select(l => l.Split(',')[0]).Distinct().Count());
        Assert.Contains(",upstream_error,", lines[1]);
        Assert.Equal(count, seen.Count);
    }

    private static string Iso(DateTime value) => Uri.EscapeDataString(value.ToString("O"));
}
