using System.Net.Http.Json;
using System.Text.Json;
using OneAIHub.Tests.Infrastructure;

namespace OneAIHub.Tests.Sync;

/// <summary>
/// The public catalog once the stand-in's models are synced. Only models with a tier's limits are on offer, so from
/// the fixture: OpenAI's GPT-3.5 Turbo (+ Instruct), GPT-4o and GPT-4 Turbo, Anthropic's Claude 3 Haiku, 3.5 and 3.7
/// Sonnet and 3 Opus, and Mistral's Small and Medium.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class CatalogAfterSyncTests(HubFixture hub) : IAsyncLifetime
{
    private readonly HttpClient _client = hub.CreateClient();

    public async Task InitializeAsync() => await SyncDriver.SyncModelsAsync(hub);

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Companies_AfterSync_ListProvidersWithOfferedModelsAndTheirMetadata()
    {
        var companies = (await _client.GetFromJsonAsync<JsonElement>("/api/companies")).EnumerateArray()
            .ToDictionary(c => c.GetProperty("externalId").GetString()!);

        var openai = companies["openai"];
        Assert.Equal("OpenAI", openai.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, openai.GetProperty("logoKey").ValueKind); // simple-icons ships no OpenAI icon
        Assert.Equal("mistralai", companies["mistral"].GetProperty("logoKey").GetString());
        Assert.Equal("https://openai.com", openai.GetProperty("website").GetString());
        Assert.True(openai.GetProperty("modelCount").GetInt32() >= 4);
        Assert.Equal("Mistral AI", companies["mistral"].GetProperty("name").GetString());
        Assert.True(companies["anthropic"].GetProperty("modelCount").GetInt32() >= 4);
        Assert.DoesNotContain("gigachat", companies.Keys); // synced, but no tier offers its model

        var models = await _client.GetFromJsonAsync<JsonElement>($"/api/companies/{companies["mistral"].GetProperty("id").GetString()}/models");
        Assert.Contains("mistral-small-latest", models.EnumerateArray().Select(m => m.GetProperty("externalId").GetString()));
    }

    [Fact]
    public async Task Models_FilteredByCompanyTierCapabilityAndText_ReturnOnlyMatches()
    {
        var openai = await ExternalIdsAsync("/api/models?company=openai&pageSize=100");
        Assert.Superset(new HashSet<string> { "gpt-3.5-turbo", "gpt-3.5-turbo-instruct", "gpt-4o", "gpt-4-turbo" }, openai.ToHashSet());
        Assert.DoesNotContain("claude-3-haiku-20240307", openai);
        Assert.DoesNotContain("gpt-4o-mini", openai); // no tier has limits for it

        var free = await ExternalIdsAsync("/api/models?tier=Free&pageSize=100");
        Assert.Superset(new HashSet<string> { "claude-3-haiku-20240307", "gpt-3.5-turbo", "mistral-small-latest" }, free.ToHashSet());
        Assert.DoesNotContain("gpt-4o", free);
        Assert.Contains("gpt-3.5-turbo", await ExternalIdsAsync("/api/models?tier=00000000-0000-4000-8000-000000000002&pageSize=100"));

        var vision = await _client.GetFromJsonAsync<JsonElement>("/api/models?capability=vision&pageSize=100");
        Assert.All(Items(vision), m => Assert.Contains("vision", m.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString())));
        var visionIds = Items(vision).Select(m => m.GetProperty("externalId").GetString()).ToList();
        Assert.Contains("gpt-4o", visionIds);
        Assert.DoesNotContain("gpt-3.5-turbo", visionIds);

        var sonnets = await _client.GetFromJsonAsync<JsonElement>("/api/models?q=SONNET");
        Assert.Equal(["Claude 3.5 Sonnet (2024-06-20)", "Claude 3.7 Sonnet (2025-02-19)"],
            Items(sonnets).Select(m => m.GetProperty("name").GetString()!).ToArray());
    }

    [Theory]
    [InlineData("name")]
    [InlineData("price")]
    [InlineData("context")]
    public async Task Models_SortedAscendingAndDescending_AreOrderedByThatKey(string sort)
    {
        var ascending = Items(await _client.GetFromJsonAsync<JsonElement>($"/api/models?sort={sort}&order=asc&pageSize=100")).ToList();
        var descending = Items(await _client.GetFromJsonAsync<JsonElement>($"/api/models?sort={sort}&order=desc&pageSize=100")).ToList();

        Assert.True(ascending.Count >= 10);
        if (sort == "name")
        {
            var names = ascending.Select(m => m.GetProperty("name").GetString()!).ToList();
            Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), names);
            Assert.Equal(names.OrderDescending(StringComparer.OrdinalIgnoreCase), descending.Select(m => m.GetProperty("name").GetString()!));
        }
        else
        {
            Func<JsonElement, decimal> key = sort == "price"
                ? m => m.GetProperty("inputPricePerMillion").GetDecimal() + m.GetProperty("outputPricePerMillion").GetDecimal()
                : m => m.GetProperty("contextWindow").GetInt32();
            Assert.Equal(ascending.Select(key).Order(), ascending.Select(key));
            Assert.Equal(descending.Select(key).OrderDescending(), descending.Select(key));
            Assert.True(key(ascending[0]) < key(descending[0]));
        }
    }

    [Fact]
    public async Task Models_Paged_SplitTheListWithoutOverlap()
    {
        var all = await _client.GetFromJsonAsync<JsonElement>("/api/models?pageSize=100");
        var first = await _client.GetFromJsonAsync<JsonElement>("/api/models?page=1&pageSize=4");
        var second = await _client.GetFromJsonAsync<JsonElement>("/api/models?page=2&pageSize=4");

        Assert.Equal(all.GetProperty("total").GetInt32(), first.GetProperty("total").GetInt32());
        Assert.Equal((2, 4), (second.GetProperty("page").GetInt32(), second.GetProperty("pageSize").GetInt32()));
        var ids = Items(all).Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Take(8), Items(first).Concat(Items(second)).Select(m => m.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task ModelDetail_AfterSync_HasPricesAndLimitsPerTierWithInheritance()
    {
        var gpt35 = await _client.GetFromJsonAsync<JsonElement>("/api/models/gpt-3.5-turbo");

        Assert.Equal("GPT-3.5 Turbo", gpt35.GetProperty("name").GetString());
        Assert.Equal("OpenAI", gpt35.GetProperty("companyName").GetString());
        Assert.Equal(16385, gpt35.GetProperty("contextWindow").GetInt32());
        Assert.True(gpt35.GetProperty("isAvailable").GetBoolean());
        var limits = gpt35.GetProperty("limits").EnumerateArray().ToDictionary(l => l.GetProperty("tierName").GetString()!);
        Assert.False(limits["Free"].GetProperty("inherited").GetBoolean());
        Assert.Equal(5, limits["Free"].GetProperty("requestsPerMinute").GetInt32());
        Assert.True(limits["Starter"].GetProperty("inherited").GetBoolean());
        Assert.Equal(100000, limits["Starter"].GetProperty("tokensPerDay").GetInt32());

        var gpt4o = await _client.GetFromJsonAsync<JsonElement>("/api/models/gpt-4o");
        var gpt4oLimits = gpt4o.GetProperty("limits").EnumerateArray().ToDictionary(l => l.GetProperty("tierName").GetString()!);
        Assert.DoesNotContain("Free", gpt4oLimits.Keys);
        Assert.Equal((10, 200, 20000, 200000), LimitValues(gpt4oLimits["Starter"]));
        Assert.Equal((30, 1000, 100000, 1000000), LimitValues(gpt4oLimits["Pro"]));
        Assert.True(gpt4oLimits["Enterprise"].GetProperty("inherited").GetBoolean());
        Assert.Equal(30, gpt4oLimits["Enterprise"].GetProperty("requestsPerMinute").GetInt32());
    }

    [Fact]
    public async Task TiersAndRateLimits_AfterSync_ListTheSeededTiersAndTemplateLimits()
    {
        var tiers = (await _client.GetFromJsonAsync<JsonElement>("/api/tiers")).EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Free", "Starter", "Pro", "Enterprise"], tiers.Where(t => t is "Free" or "Starter" or "Pro" or "Enterprise"));

        var limits = (await _client.GetFromJsonAsync<JsonElement>("/api/rate-limits")).EnumerateArray().ToList();
        var haikuFree = Assert.Single(limits, l => l.GetProperty("modelName").GetString() == "Claude 3 Haiku (2024-03-07)");
        Assert.Equal("Free", haikuFree.GetProperty("tierName").GetString());
        Assert.Equal((5, 100, 10000, 100000), LimitValues(haikuFree));
        var opus = Assert.Single(limits, l => l.GetProperty("modelName").GetString() == "Claude 3 Opus (2024-02-29)");
        Assert.Equal(("Enterprise", 30), (opus.GetProperty("tierName").GetString(), opus.GetProperty("requestsPerMinute").GetInt32()));
    }

    private async Task<List<string>> ExternalIdsAsync(string url) =>
        Items(await _client.GetFromJsonAsync<JsonElement>(url)).Select(m => m.GetProperty("externalId").GetString()!).ToList();

    private static IEnumerable<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray();

    private static (int, int, int, int) LimitValues(JsonElement l) => (l.GetProperty("requestsPerMinute").GetInt32(),
        l.GetProperty("requestsPerDay").GetInt32(), l.GetProperty("tokensPerMinute").GetInt32(), l.GetProperty("tokensPerDay").GetInt32());
}
