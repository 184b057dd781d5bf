using System.Net.Http.Json;
using System.Text.Json;
using OneAIHub.Tests.Infrastructure;

namespace OneAIHub.Tests.AdminUsers;

[Collection(HubCollection.Name)]
public sealed class ProfileLimitsTests(HubFixture hub)
{
    [Fact]
    public async Task GetLimits_AfterTwoRequests_ShowsTierLimitsLiveRemainingAndMoney()
    {
        var modelId = await TestModel.EnsureAsync(hub);
        var customer = await Customers.CreateAsync(hub, balance: 100m);
        var (_, key) = await Customers.CreateKeyAsync(hub, customer);
        for (var i = 0; i < 2; i++) (await Customers.ChatAsync(hub, key)).EnsureSuccessStatusCode();
        var rows = (await Customers.WaitForRequestsAsync(hub, customer, 2)).GetProperty("items").EnumerateArray().ToList();
        var tokens = rows.Sum(r => r.GetProperty("inputTokens").GetInt64() + r.GetProperty("outputTokens").GetInt64());
        var spent = rows.Sum(r => r.GetProperty("totalCost").GetDecimal());
        using var client = hub.CreateClient(customer.Token);

        var limits = await client.GetFromJsonAsync<JsonElement>("/api/profile/limits");

        Assert.Equal("Starter", limits.GetProperty("tier").GetProperty("name").GetString());
        Assert.Equal(100m - spent, limits.GetProperty("balance").GetDecimal());
        Assert.Equal(spent, limits.GetProperty("totalSpent").GetDecimal());
        Assert.Equal(tokens, limits.GetProperty("monthlyTokensUsed").GetInt64());
        Assert.Equal(JsonValueKind.Null, limits.GetProperty("monthlyTokenLimit").ValueKind);
        var model = limits.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("modelId").GetString() == modelId);
        Assert.Equal(TestModel.ExternalId, model.GetProperty("externalId").GetString());
        Assert.False(string.IsNullOrEmpty(model.GetProperty("companyName").GetString()));
        Assert.Equal(TestModel.StarterRpm, model.GetProperty("requestsPerMinute").GetInt32());
        Assert.Equal(TestModel.StarterRpd, model.GetProperty("requestsPerDay").GetInt32());
        Assert.Equal(0, model.GetProperty("tokensPerMinute").GetInt32());
        Assert.Equal(TestModel.StarterTpd, model.GetProperty("tokensPerDay").GetInt32());
        Assert.Equal(TestModel.StarterRpd - 2, model.GetProperty("remainingRequestsDay").GetInt64());
        Assert.InRange(TestModel.StarterRpm - model.GetProperty("remainingRequestsMinute").GetInt64(), 0, 2); // a minute may turn between calls
        Assert.Equal(-1, model.GetProperty("remainingTokensMinute").GetInt64());
        Assert.Equal(TestModel.StarterTpd - tokens, model.GetProperty("remainingTokensDay").GetInt64());
        Assert.Equal(DateTime.UtcNow.Date.AddDays(1), model.GetProperty("resetDayAt").GetDateTime().ToUniversalTime());
        Assert.True(model.GetProperty("resetMinuteAt").GetDateTime().ToUniversalTime() > DateTime.UtcNow.AddSeconds(-5));
    }

    [Fact]
    public async Task GetLimits_FreeTierUser_GetsTheFreeTiersLimitsUntouched()
    {
        var modelId = await TestModel.EnsureAsync(hub);
        var customer = await Customers.CreateAsync(hub, TestModel.FreeTierId, balance: 0m);
        using var client = hub.CreateClient(customer.Token);

        var limits = await client.GetFromJsonAsync<JsonElement>("/api/profile/limits");

        Assert.Equal("Free", limits.GetProperty("tier").GetProperty("name").GetString());
        var model = limits.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("modelId").GetString() == modelId);
        Assert.Equal(10, model.GetProperty("requestsPerMinute").GetInt32());
        Assert.Equal(10, model.GetProperty("remainingRequestsMinute").GetInt64());
        Assert.Equal(100, model.GetProperty("remainingRequestsDay").GetInt64());
        Assert.Equal(10000, model.GetProperty("remainingTokensMinute").GetInt64());
        Assert.Equal(-1, model.GetProperty("remainingTokensDay").GetInt64());
    }

    [Fact]
    public async Task GetLimits_WithoutToken_Returns401()
    {
        using var client = hub.CreateClient();

        var response = await client.GetAsync("/api/profile/limits");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
