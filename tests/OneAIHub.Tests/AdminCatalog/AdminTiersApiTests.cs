using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OneAIHub.Grains.Interfaces.Users;
using OneAIHub.Tests.Infrastructure;
using static OneAIHub.Tests.AdminCatalog.AdminCatalogHarness;

namespace OneAIHub.Tests.AdminCatalog;

[Collection(HubCollection.Name)]
public sealed class AdminTiersApiTests(HubFixture hub)
{
    // Test tiers sort after the seeded ones and are not free, so sign-ups keep landing on the seeded Free tier.
    private static object NewTier(string? name = null, decimal price = 19m) => new
    {
        name = name ?? UniqueName(), description = "A test tier", isFree = false, price, sortOrder = 1000, upgradeThreshold = 250m,
    };

    private static string UniqueName() => $"Tier {Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task CreateTier_ValidInput_Returns201AndWritesRowAuditAndPublicList()
    {
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());
        var name = UniqueName();

        var response = await admin.PostAsJsonAsync("/api/admin/tiers", NewTier(name));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var tier = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = tier.GetProperty("id").GetString()!;
        Assert.Equal(name, tier.GetProperty("name").GetString());
        Assert.Equal(250m, tier.GetProperty("upgradeThreshold").GetDecimal());
        Assert.Equal($"/api/admin/tiers/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(1, await CountAsync(hub, "SELECT COUNT(*) FROM tiers WHERE id = @id AND name = @name AND price = 19 AND sort_order = 1000", new { id, name }));
        var entry = Assert.Single(await AuditAsync(admin, "tier", id));
        Assert.Equal("tier.create", entry.GetProperty("action").GetString());
        Assert.Equal(name, entry.GetProperty("after").GetProperty("name").GetString());

        using var anonymous = hub.CreateClient();
        var tiers = await EventuallyAsync(() => anonymous.GetFromJsonAsync<JsonElement>("/api/tiers"),
            list => list.EnumerateArray().Any(t => t.GetProperty("id").GetString() == id));
        Assert.Contains(tiers.EnumerateArray(), t => t.GetProperty("id").GetString() == id);
        await admin.DeleteAsync($"/api/admin/tiers/{id}");
    }

    [Theory]
    [InlineData("""{"name":"","price":1,"sortOrder":1}""", "name", "Name is required.")]
    [InlineData("""{"name":"Negative price tier","price":-1,"sortOrder":1}""", "price", "Price must be between 0 and 1,000,000.")]
    [InlineData("""{"name":"Cents tier","price":1.005,"sortOrder":1}""", "price", "Price may have at most 2 decimal places.")]
    [InlineData("""{"name":"No order tier","price":1}""", "sortOrder", "Sort order is required.")]
    [InlineData("""{"name":"Negative threshold tier","price":1,"sortOrder":1,"upgradeThreshold":-5}""", "upgradeThreshold", "Upgrade threshold must be between 0 and 1,000,000,000.")]
    public async Task CreateTier_BadInput_Returns400WithFieldErrorAndWritesNothing(string json, string field, string message)
    {
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());
        var before = await CountAsync(hub, "SELECT COUNT(*) FROM tiers");

        var response = await admin.PostAsync("/api/admin/tiers", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await FieldErrorsAsync(response, field));
        Assert.Equal(before, await CountAsync(hub, "SELECT COUNT(*) FROM tiers"));
    }

    [Fact]
    public async Task CreateTier_NameTakenInOtherCase_Returns409AndWritesNothing()
    {
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var response = await admin.PostAsJsonAsync("/api/admin/tiers", NewTier("STARTER"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("A tier named 'STARTER' already exists.", problem.GetProperty("detail").GetString());
        Assert.Equal(1, await CountAsync(hub, "SELECT COUNT(*) FROM tiers WHERE name = 'Starter'"));
    }

    [Fact]
    public async Task UpdateTier_NewPrice_Returns200AndAuditsBeforeAndAfterAndPublishes()
    {
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());
        var created = await (await admin.PostAsJsonAsync("/api/admin/tiers", NewTier(price: 19m))).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;
        var name = created.GetProperty("name").GetString()!;

        var response = await admin.PutAsJsonAsync($"/api/admin/tiers/{id}",
            new { name, description = (string?)null, isFree = false, price = 29.99m, sortOrder = 1001, upgradeThreshold = (decimal?)null });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tier = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(29.99m, tier.GetProperty("price").GetDecimal());
        Assert.Equal(JsonValueKind.Null, tier.GetProperty("upgradeThreshold").ValueKind);
        Assert.Equal(1, await CountAsync(hub, "SELECT COUNT(*) FROM tiers WHERE id = @id AND price = 29.99 AND upgrade_threshold IS NULL", new { id }));
        var update = (await AuditAsync(admin, "tier", id)).First();
        Assert.Equal("tier.update", update.GetProperty("action").GetString());
        Assert.Equal(19m, update.GetProperty("before").GetProperty("price").GetDecimal());
        Assert.Equal(29.99m, update.GetProperty("after").GetProperty("price").GetDecimal());

        using var anonymous = hub.CreateClient();
        var tiers = await EventuallyAsync(() => anonymous.GetFromJsonAsync<JsonElement>("/api/tiers"),
            list => list.EnumerateArray().Any(t => t.GetProperty("id").GetString() == id && t.GetProperty("price").GetDecimal() == 29.99m));
        Assert.Contains(tiers.EnumerateArray(), t => t.GetProperty("id").GetString() == id && t.GetProperty("price").GetDecimal() == 29.99m);
        await admin.DeleteAsync($"/api/admin/tiers/{id}");
    }

    [Fact]
    public async Task UpdateTier_UnknownOrNameOfAnother_Returns404Or409AndChangesNothing()
    {
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());
        var created = await (await admin.PostAsJsonAsync("/api/admin/tiers", NewTier())).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;

        var unknown = await admin.PutAsJsonAsync($"/api/admin/tiers/{Guid.NewGuid()}", NewTier());
        var taken = await admin.PutAsJsonAsync($"/api/admin/tiers/{id}", NewTier("Pro"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(1, await CountAsync(hub, "SELECT COUNT(*) FROM tiers WHERE id = @id AND name = @name",
            new { id, name = created.GetProperty("name").GetString() }));
        Assert.Single(await AuditAsync(admin, "tier", id));
        await admin.DeleteAsync($"/api/admin/tiers/{id}");
    }

    [Fact]
    public async Task DeleteTier_UsersOnIt_Returns409UntilTheyMoveThenDeletesWithItsLimits()
    {
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());
        var created = await (await admin.PostAsJsonAsync("/api/admin/tiers", NewTier())).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;
        var model = await InsertModelAsync(hub);
        await CreateRateLimitAsync(admin, RateLimitBody(model.Id, id));
        var (_, userId) = await UserAsync(hub);
        var user = hub.Cluster.Client.GetGrain<IUserGrain>(userId);
        await user.UpdateAsync(new UserUpdate(null, id, null, null, null, false));

        var refused = await admin.DeleteAsync($"/api/admin/tiers/{id}");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"The tier '{created.GetProperty("name").GetString()}' still has 1 user on it. Move them to another tier first, then delete it.",
            problem.GetProperty("detail").GetString());
        Assert.Equal(1, await CountAsync(hub, "SELECT COUNT(*) FROM tiers WHERE id = @id", new { id }));

        await user.UpdateAsync(new UserUpdate(null, FreeTierId, null, null, null, false));
        var deleted = await admin.DeleteAsync($"/api/admin/tiers/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(0, await CountAsync(hub, "SELECT COUNT(*) FROM tiers WHERE id = @id", new { id }));
        Assert.Equal(0, await CountAsync(hub, "SELECT COUNT(*) FROM rate_limits WHERE tier_id = @id", new { id }));
        var delete = (await AuditAsync(admin, "tier", id)).First();
        Assert.Equal("tier.delete", delete.GetProperty("action").GetString());
        Assert.Equal(id, delete.GetProperty("before").GetProperty("id").GetString());
        var tiers = await admin.GetFromJsonAsync<JsonElement>("/api/admin/tiers");
        Assert.DoesNotContain(tiers.EnumerateArray(), t => t.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task DeleteTier_Unknown_Returns404()
    {
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var response = await admin.DeleteAsync($"/api/admin/tiers/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
