using System.Net.Http.Json;
using System.Text.Json;
using OneAIHub.Tests.Infrastructure;

namespace OneAIHub.Tests.AdminUsers;

[Collection(HubCollection.Name)]
public sealed class TierUpgradeTests(HubFixture hub)
{
    [Fact]
    public async Task Spending_PastTheProThreshold_MovesStarterUserToPro()
    {
        await TestModel.EnsureAsync(hub);
        var customer = await Customers.CreateAsync(hub, TestModel.StarterTierId, balance: 1000m);
        var (_, key) = await Customers.CreateKeyAsync(hub, customer);
        using var client = hub.CreateClient(customer.Token);

        // About 1,100 prompt tokens at 0.1 USD each: past Pro's threshold of 100 USD total spend.
        var prompt = string.Join(' ', Enumerable.Repeat("word", 1100));
        (await Customers.ChatAsync(hub, key, prompt)).EnsureSuccessStatusCode();

        JsonElement profile = default;
        await Poll.UntilAsync(async () =>
        {
            profile = await client.GetFromJsonAsync<JsonElement>("/api/profile");
            return profile.GetProperty("tier").GetProperty("id").GetString() == TestModel.ProTierId;
        }, "the upgrade to Pro");
        Assert.True(profile.GetProperty("totalSpent").GetDecimal() >= 100m);
        Assert.Equal("Pro", profile.GetProperty("tier").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Spending_BelowTheNextThreshold_KeepsTheTier()
    {
        await TestModel.EnsureAsync(hub);
        var customer = await Customers.CreateAsync(hub, TestModel.StarterTierId, balance: 1000m);
        var (_, key) = await Customers.CreateKeyAsync(hub, customer);
        using var client = hub.CreateClient(customer.Token);

        (await Customers.ChatAsync(hub, key)).EnsureSuccessStatusCode();
        await Customers.WaitForRequestsAsync(hub, customer, 1);

        var profile = await client.GetFromJsonAsync<JsonElement>("/api/profile");
        Assert.InRange(profile.GetProperty("totalSpent").GetDecimal(), 0.01m, 99m);
        Assert.Equal(TestModel.StarterTierId, profile.GetProperty("tier").GetProperty("id").GetString());
    }
}
