using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneAIHub.Tests.Infrastructure;
using static OneAIHub.Tests.AdminCatalog.AdminCatalogHarness;

namespace OneAIHub.Tests.AdminCatalog;

[Collection(HubCollection.Name)]
public sealed class AdminAuditApiTests(HubFixture hub)
{
    [Fact]
    public async Task ListAudit_ThreeChangesOfOneEntity_PagesNewestFirstWithActorAndJson()
    {
        var model = await InsertModelAsync(hub);
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());
        (await admin.PutAsJsonAsync($"/api/admin/model-configs/{model.Id}", new { inputPricePerMillion = 1m, outputPricePerMillion = 1m })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/api/admin/model-configs/{model.Id}", new { inputPricePerMillion = 2m, outputPricePerMillion = 2m })).EnsureSuccessStatusCode();
        (await admin.DeleteAsync($"/api/admin/model-configs/{model.Id}")).EnsureSuccessStatusCode();
        var filter = $"entityType=model_config&entityId={model.Id}";

        var first = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?{filter}&page=1&pageSize=2");
        var second = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit?{filter}&page=2&pageSize=2");

        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.Equal(1, first.GetProperty("page").GetInt32());
        Assert.Equal(2, first.GetProperty("pageSize").GetInt32());
        var actions = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(e => e.GetProperty("action").GetString()!).ToArray();
        Assert.Equal(["model_config.delete", "model_config.update", "model_config.create"], actions);
        var newest = first.GetProperty("items")[0];
        Assert.Equal(HubFixture.AdminEmail, newest.GetProperty("actorEmail").GetString());
        Assert.False(string.IsNullOrEmpty(newest.GetProperty("actorId").GetString()));
        Assert.Equal(JsonValueKind.Object, newest.GetProperty("before").ValueKind);
        Assert.Equal(model.Id, newest.GetProperty("entityId").GetString());
        Assert.True(newest.GetProperty("createdAt").GetDateTime() > DateTime.UtcNow.AddMinutes(-5));
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    public async Task ListAudit_BadPaging_Returns400WithFieldError(string query, string field)
    {
        using var admin = hub.CreateClient(await hub.AdminTokenAsync());

        var response = await admin.GetAsync($"/api/admin/audit?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(await FieldErrorsAsync(response, field));
    }
}
