using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using MySqlConnector;
using OneAIHub.Tests.Infrastructure;

namespace OneAIHub.Tests.AdminUsers;

[Collection(HubCollection.Name)]
public sealed class AdminUsersApiTests(HubFixture hub)
{
    [Fact]
    public async Task ListUsers_SearchAndFilters_FindOnlyMatchingUsersPaged()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        using var anonymous = hub.CreateClient();
        foreach (var name in new[] { "Alpha", "Beta", "Gamma" })
            (await anonymous.PostAsJsonAsync("/api/auth/register",
                new { email = $"{name.ToLowerInvariant()}-{tag}@example.com", password = Users.Password, displayName = $"{name} {tag}" }))
                .EnsureSuccessStatusCode();
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var all = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users?q={tag}&pageSize=2&page=1");
        var second = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users?q={tag}&pageSize=2&page=2");
        var byName = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users?q=beta%20{tag}");
        var byTierName = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users?q={tag}&tier=free&status=pending_approval&role=customer");
        var noneActive = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users?q={tag}&status=active");

        Assert.Equal(3, all.GetProperty("total").GetInt32());
        Assert.Equal(2, all.GetProperty("items").GetArrayLength());
        Assert.Equal(2, all.GetProperty("pageSize").GetInt32());
        Assert.Single(second.GetProperty("items").EnumerateArray());
        Assert.Equal($"beta-{tag}@example.com", Assert.Single(byName.GetProperty("items").EnumerateArray()).GetProperty("email").GetString());
        Assert.Equal(3, byTierName.GetProperty("total").GetInt32());
        Assert.Equal(0, noneActive.GetProperty("total").GetInt32());
        var first = all.GetProperty("items")[0];
        Assert.Equal("Free", first.GetProperty("tier").GetProperty("name").GetString());
        Assert.True(first.TryGetProperty("updatedAt", out _));
    }

    [Fact]
    public async Task ListUsers_SearchTextWithWildcards_MatchesTheTextLiterally()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        await Users.RegisterAsync(hub, $"under_{tag}@example.com");
        await Users.RegisterAsync(hub, $"underx{tag}@example.com");
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var found = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users?q=under_{tag}");

        Assert.Equal($"under_{tag}@example.com", Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("email").GetString());
    }

    [Theory]
    [InlineData("role=owner", "role")]
    [InlineData("status=gone", "status")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=101", "pageSize")]
    public async Task ListUsers_BadFilter_Returns400WithFieldError(string query, string field)
    {
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var response = await admin.GetAsync($"/api/admin/users?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task GetUser_KnownAndUnknownId_ReturnsUserOr404()
    {
        var (_, profile) = await Users.RegisterAsync(hub);
        var id = profile.GetProperty("id").GetString();
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var user = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users/{id}");
        var missing = await admin.GetAsync($"/api/admin/users/{Guid.NewGuid()}");

        Assert.Equal(profile.GetProperty("email").GetString(), user.GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CreateUser_ValidInput_CreatesActiveUserWithHashedPasswordAndAudits()
    {
        var email = Users.NewEmail("made");
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var response = await admin.PostAsJsonAsync("/api/admin/users",
            new { email = email.ToUpperInvariant(), password = Users.Password, role = "enterprise", tierId = TestModel.ProTierId, displayName = " Ent " });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var user = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = user.GetProperty("id").GetString()!;
        Assert.Equal($"/api/admin/users/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(email, user.GetProperty("email").GetString());
        Assert.Equal("enterprise", user.GetProperty("role").GetString());
        Assert.Equal("active", user.GetProperty("status").GetString());
        Assert.Equal("Pro", user.GetProperty("tier").GetProperty("name").GetString());
        Assert.Equal("Ent", user.GetProperty("displayName").GetString());
        await using var db = new MySqlConnection(hub.ConnectionString);
        var hash = await db.QuerySingleAsync<string>("SELECT password_hash FROM users WHERE id = @id", new { id });
        Assert.StartsWith("AQAAAA", hash);
        Assert.False(string.IsNullOrEmpty(await hub.LoginAsync(email, Users.Password)));
        var audit = Assert.Single(await AuditRows.ForAsync(hub, id));
        Assert.Equal("user.create", audit.Action);
        Assert.Equal("user", audit.EntityType);
        Assert.Equal(HubFixture.AdminEmail, audit.ActorEmail);
        Assert.Null(audit.BeforeJson);
        Assert.Equal(email, audit.After.GetProperty("email").GetString());
        Assert.DoesNotContain("AQAAAA", audit.AfterJson);
    }

    [Theory]
    [InlineData("""{"password":"correct-horse-42","role":"customer"}""", "email")]
    [InlineData("""{"email":"weak-{0}@example.com","password":"short1","role":"customer"}""", "password")]
    [InlineData("""{"email":"role-{0}@example.com","password":"correct-horse-42","role":"owner"}""", "role")]
    [InlineData("""{"email":"norole-{0}@example.com","password":"correct-horse-42"}""", "role")]
    [InlineData("""{"email":"tier-{0}@example.com","password":"correct-horse-42","role":"customer","tierId":"no-such-tier"}""", "tierId")]
    public async Task CreateUser_BadInput_Returns400AndCreatesNobody(string template, string field)
    {
        var json = template.Replace("{0}", Guid.NewGuid().ToString("N"), StringComparison.Ordinal);
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());
        var before = await CountAsync("SELECT COUNT(*) FROM users");

        var response = await admin.PostAsync("/api/admin/users", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        Assert.Equal(before, await CountAsync("SELECT COUNT(*) FROM users"));
    }

    [Fact]
    public async Task CreateUser_EmailTaken_Returns409()
    {
        var (_, profile) = await Users.RegisterAsync(hub);
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var response = await admin.PostAsJsonAsync("/api/admin/users",
            new { email = profile.GetProperty("email").GetString(), password = Users.Password, role = "customer" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task UpdateUser_RoleTierStatusNameAndLimit_ChangesThroughGrainAndAudits()
    {
        var (_, profile) = await Users.RegisterAsync(hub);
        var id = profile.GetProperty("id").GetString()!;
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var response = await admin.PutAsJsonAsync($"/api/admin/users/{id}",
            new { role = "support", tierId = TestModel.StarterTierId, status = "suspended", displayName = "Renamed", monthlyTokenLimit = 5000 });
        var cleared = await admin.PutAsync($"/api/admin/users/{id}",
            new StringContent("""{"monthlyTokenLimit":null}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var user = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("support", user.GetProperty("role").GetString());
        Assert.Equal("Starter", user.GetProperty("tier").GetProperty("name").GetString());
        Assert.Equal("suspended", user.GetProperty("status").GetString());
        Assert.Equal("Renamed", user.GetProperty("displayName").GetString());
        Assert.Equal(5000, user.GetProperty("monthlyTokenLimit").GetInt64());
        var afterClear = await cleared.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, afterClear.GetProperty("monthlyTokenLimit").ValueKind);
        Assert.Equal("support", afterClear.GetProperty("role").GetString());
        await using var db = new MySqlConnection(hub.ConnectionString);
        var row = await db.QuerySingleAsync<(string Role, string Status, string TierId)>(
            "SELECT role, status, tier_id FROM users WHERE id = @id", new { id });
        Assert.Equal(("support", "suspended", TestModel.StarterTierId), row);
        var audits = await AuditRows.ForAsync(hub, id);
        Assert.Equal(["user.update", "user.update"], audits.Select(a => a.Action));
        Assert.Equal("customer", audits[0].Before.GetProperty("role").GetString());
        Assert.Equal("support", audits[0].After.GetProperty("role").GetString());
        Assert.Equal(5000, audits[1].Before.GetProperty("monthlyTokenLimit").GetInt64());
    }

    [Theory]
    [InlineData("""{"role":"owner"}""", "role")]
    [InlineData("""{"status":"gone"}""", "status")]
    [InlineData("""{"tierId":"no-such-tier"}""", "tierId")]
    [InlineData("""{"monthlyTokenLimit":-5}""", "monthlyTokenLimit")]
    [InlineData("""{"monthlyTokenLimit":"lots"}""", "monthlyTokenLimit")]
    public async Task UpdateUser_BadInput_Returns400AndChangesNothing(string json, string field)
    {
        var (_, profile) = await Users.RegisterAsync(hub);
        var id = profile.GetProperty("id").GetString()!;
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var response = await admin.PutAsync($"/api/admin/users/{id}", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users/{id}");
        Assert.Equal(profile.GetProperty("updatedAt").GetDateTime(), after.GetProperty("updatedAt").GetDateTime());
        Assert.Empty(await AuditRows.ForAsync(hub, id));
    }

    [Theory]
    [InlineData("""{"role":"support"}""")]
    [InlineData("""{"status":"suspended"}""")]
    public async Task UpdateUser_AdminDemotesOrSuspendsThemselves_Returns409(string json)
    {
        var admin = await Customers.CreateWithRoleAsync(hub, "admin");
        using var client = hub.CreateClient(admin.Token);

        var response = await client.PutAsync($"/api/admin/users/{admin.Id}", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var self = await client.GetFromJsonAsync<JsonElement>($"/api/admin/users/{admin.Id}");
        Assert.Equal("admin", self.GetProperty("role").GetString());
        Assert.Equal("active", self.GetProperty("status").GetString());
    }

    [Fact]
    public async Task UpdateUser_UnknownId_Returns404()
    {
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var response = await admin.PutAsJsonAsync($"/api/admin/users/{Guid.NewGuid()}", new { displayName = "x" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DeleteUser_Existing_RemovesUserTheirTokenAndAudits()
    {
        var (token, profile) = await Users.RegisterAsync(hub);
        var id = profile.GetProperty("id").GetString()!;
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var response = await admin.DeleteAsync($"/api/admin/users/{id}");
        var again = await admin.DeleteAsync($"/api/admin/users/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        await using var db = new MySqlConnection(hub.ConnectionString);
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM users WHERE id = @id", new { id }));
        using var deleted = hub.CreateClient(token);
        Assert.False((await deleted.GetAsync("/api/profile")).IsSuccessStatusCode);
        var audit = Assert.Single(await AuditRows.ForAsync(hub, id));
        Assert.Equal("user.delete", audit.Action);
        Assert.Equal(id, audit.Before.GetProperty("id").GetString());
        Assert.Null(audit.AfterJson);
    }

    [Fact]
    public async Task DeleteUser_Themselves_Returns409AndKeepsAccount()
    {
        var admin = await Customers.CreateWithRoleAsync(hub, "admin");
        using var client = hub.CreateClient(admin.Token);

        var response = await client.DeleteAsync($"/api/admin/users/{admin.Id}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/profile")).StatusCode);
    }

    [Fact]
    public async Task AdjustBalance_TopUpAndCorrection_WritesLedgerRowsAndAudits()
    {
        var (_, profile) = await Users.RegisterAsync(hub);
        var id = profile.GetProperty("id").GetString()!;
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var topUp = await admin.PostAsJsonAsync($"/api/admin/users/{id}/balance", new { amount = 25.5m, reason = "Invoice 17 paid" });
        var correction = await admin.PostAsJsonAsync($"/api/admin/users/{id}/balance", new { amount = -0.5m, reason = "Correction" });

        Assert.Equal(HttpStatusCode.OK, topUp.StatusCode);
        Assert.Equal(25.5m, (await topUp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("balance").GetDecimal());
        Assert.Equal(25m, (await correction.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("balance").GetDecimal());
        await using var db = new MySqlConnection(hub.ConnectionString);
        var ledger = (await db.QueryAsync<(decimal Amount, string Reason, string ActorId)>(
            "SELECT amount, reason, actor_id FROM balance_adjustments WHERE user_id = @id ORDER BY created_at", new { id })).ToList();
        var adminId = await db.QuerySingleAsync<string>("SELECT id FROM users WHERE email = @email", new { email = HubFixture.AdminEmail });
        Assert.Equal([(25.5m, "Invoice 17 paid", adminId), (-0.5m, "Correction", adminId)], ledger);
        Assert.Equal(25m, await db.QuerySingleAsync<decimal>("SELECT balance FROM user_limits WHERE user_id = @id", new { id }));
        var audits = await AuditRows.ForAsync(hub, id);
        Assert.Equal(["user.balance", "user.balance"], audits.Select(a => a.Action));
        Assert.Equal(0m, audits[0].Before.GetProperty("balance").GetDecimal());
        Assert.Equal(25.5m, audits[0].After.GetProperty("balance").GetDecimal());
    }

    [Theory]
    [InlineData("""{"amount":0,"reason":"zero"}""", "amount")]
    [InlineData("""{"amount":1000000.01,"reason":"too much"}""", "amount")]
    [InlineData("""{"amount":-1000001,"reason":"too much"}""", "amount")]
    [InlineData("""{"reason":"no amount"}""", "amount")]
    [InlineData("""{"amount":5}""", "reason")]
    [InlineData("""{"amount":5,"reason":"   "}""", "reason")]
    public async Task AdjustBalance_BadInput_Returns400AndWritesNoLedgerRow(string json, string field)
    {
        var (_, profile) = await Users.RegisterAsync(hub);
        var id = profile.GetProperty("id").GetString()!;
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var response = await admin.PostAsync($"/api/admin/users/{id}/balance", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(0, await CountAsync($"SELECT COUNT(*) FROM balance_adjustments WHERE user_id = '{id}'"));
    }

    [Fact]
    public async Task AdjustBalance_ReasonOver500Characters_Returns400()
    {
        var (_, profile) = await Users.RegisterAsync(hub);
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var response = await admin.PostAsJsonAsync($"/api/admin/users/{profile.GetProperty("id").GetString()}/balance",
            new { amount = 1, reason = new string('r', 501) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Approve_PendingUser_ActivatesAuditsAndLeavesTheQueue()
    {
        var (token, profile) = await Users.RegisterAsync(hub);
        var id = profile.GetProperty("id").GetString()!;
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());
        var queued = await admin.GetFromJsonAsync<JsonElement>("/api/admin/free-tier-requests");
        Assert.Contains(queued.EnumerateArray(), u => u.GetProperty("id").GetString() == id);

        var response = await admin.PostAsync($"/api/admin/approve/{id}", null);
        var twice = await admin.PostAsync($"/api/admin/approve/{id}", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("active", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        using var user = hub.CreateClient(token);
        Assert.Equal("active", (await user.GetFromJsonAsync<JsonElement>("/api/profile")).GetProperty("status").GetString());
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/admin/free-tier-requests");
        Assert.DoesNotContain(after.EnumerateArray(), u => u.GetProperty("id").GetString() == id);
        var audit = Assert.Single(await AuditRows.ForAsync(hub, id));
        Assert.Equal("user.approve", audit.Action);
        Assert.Equal("pending_approval", audit.Before.GetProperty("status").GetString());
        Assert.Equal("active", audit.After.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Approve_UnknownUser_Returns404()
    {
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var response = await admin.PostAsync($"/api/admin/approve/{Guid.NewGuid()}", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task FreeTierRequests_SeveralPending_ListsOldestFirst()
    {
        var (_, first) = await Users.RegisterAsync(hub);
        var (_, second) = await Users.RegisterAsync(hub);
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var queue = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/free-tier-requests")).EnumerateArray()
            .Select(u => u.GetProperty("id").GetString()).ToList();

        Assert.True(queue.IndexOf(first.GetProperty("id").GetString()) < queue.IndexOf(second.GetProperty("id").GetString()));
        Assert.DoesNotContain(queue, id => id is null);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheseRoutes()
    {
        using var client = hub.CreateClient();

        var paths = (await client.GetFromJsonAsync<JsonElement>("/api/docs/v1/swagger.json")).GetProperty("paths");

        foreach (var path in new[]
        {
            "/api/admin/users", "/api/admin/users/{id}", "/api/admin/users/{id}/balance", "/api/admin/approve/{userId}",
            "/api/admin/free-tier-requests", "/api/admin/budgets", "/api/admin/budgets/sync", "/api/admin/budgets/litellm",
            "/api/admin/budgets/litellm/{budgetId}", "/api/profile/limits", "/api/profile/budget", "/api/keys/{id}/budget",
            "/api/requests", "/api/requests/export",
        })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
    }

    private async Task<int> CountAsync(string sql)
    {
        await using var db = new MySqlConnection(hub.ConnectionString);
        return await db.ExecuteScalarAsync<int>(sql);
    }
}
