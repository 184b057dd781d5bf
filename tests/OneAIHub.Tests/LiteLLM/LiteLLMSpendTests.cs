using OneAIHub.Grains.LiteLLM;
using Xunit;

namespace OneAIHub.Tests.LiteLLM;

public sealed class LiteLLMSpendTests
{
    // "hello spend tracking" → prompt 3 + 3 words + 3 = 9 tokens; reply "Echo: hello spend tracking" = 4 tokens.
    private static readonly LiteLLMChatCompletionRequest Hello = new()
    {
        Model = "gpt-4o",
        Messages = [new("user", "hello spend tracking")],
        User = "customer-7",
        Tags = ["front-door"],
    };

    private const decimal HelloCost = (9 * 0.0000025m) + (4 * 0.00001m);

    [Fact]
    public async Task CreateChatCompletionAsync_WithVirtualKey_SpendReachesKeyAndLogs()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        var key = await harness.Client.GenerateKeyAsync(new LiteLLMGenerateKeyRequest { UserId = "user-1", KeyAlias = "spender" });

        var completion = await harness.Client.CreateChatCompletionAsync(Hello, key.Key);
        var info = await harness.Client.GetKeyInfoAsync(key.Key);
        var logs = await harness.Client.GetSpendLogsAsync(new LiteLLMSpendLogQuery { ApiKey = key.Key });

        Assert.Equal(9, completion.Usage!.PromptTokens);
        Assert.Equal(4, completion.Usage.CompletionTokens);
        Assert.Equal(HelloCost, Usd(info.Info.Spend));
        Assert.Equal(HelloCost, Usd(info.Info.ModelSpend!["gpt-4o"]));
        Assert.NotNull(info.Info.LastActive);
        var row = Assert.Single(logs);
        Assert.Equal(completion.Id, row.RequestId);
        Assert.Equal("acompletion", row.CallType);
        Assert.Equal(key.Token, row.ApiKey);
        Assert.Equal(HelloCost, Usd(row.Spend));
        Assert.Equal(13, row.TotalTokens);
        Assert.Equal("gpt-4o", row.ModelGroup);
        Assert.Equal("openai", row.CustomLlmProvider);
        Assert.Equal("user-1", row.User);
        Assert.Equal("customer-7", row.EndUser);
        Assert.Equal(["front-door"], row.Tags);
        Assert.NotNull(row.StartTime);
    }

    [Fact]
    public async Task GetSpendLogsAsync_OtherKeysTraffic_IsFilteredOut()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        var first = await harness.Client.GenerateKeyAsync(new LiteLLMGenerateKeyRequest());
        var second = await harness.Client.GenerateKeyAsync(new LiteLLMGenerateKeyRequest());
        await harness.Client.CreateChatCompletionAsync(Hello, first.Key);
        await harness.Client.CreateChatCompletionAsync(Hello, second.Key);
        await harness.Client.CreateChatCompletionAsync(Hello);

        var all = await harness.Client.GetSpendLogsAsync();
        var onlySecond = await harness.Client.GetSpendLogsAsync(new LiteLLMSpendLogQuery { ApiKey = second.Token });

        Assert.Equal(3, all.Count);
        Assert.Equal(second.Token, Assert.Single(onlySecond).ApiKey);
        Assert.True(all[0].StartTime >= all[^1].StartTime);
    }

    [Fact]
    public async Task GetDailySpendAsync_Today_SumsSpendPerModelAndKey()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        var key = await harness.Client.GenerateKeyAsync(new LiteLLMGenerateKeyRequest());
        await harness.Client.CreateChatCompletionAsync(Hello, key.Key);
        await harness.Client.CreateChatCompletionAsync(Hello, key.Key);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var days = await harness.Client.GetDailySpendAsync(today.AddDays(-1), today);

        Assert.Equal(2, days.Count);
        Assert.Equal(0m, days[0].Spend);
        Assert.Equal(today, days[1].Day);
        Assert.Equal(2 * HelloCost, Usd(days[1].Spend));
        Assert.Equal(2 * HelloCost, Usd(days[1].Models["gpt-4o"]));
        Assert.Equal(2 * HelloCost, Usd(days[1].ApiKeys[key.Token]));
    }

    [Fact]
    public async Task GetGlobalSpendReportAsync_GroupByApiKey_TotalsPerKeyAndModel()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        var key = await harness.Client.GenerateKeyAsync(new LiteLLMGenerateKeyRequest());
        await harness.Client.CreateChatCompletionAsync(Hello, key.Key);
        await harness.Client.CreateChatCompletionAsync(Hello with { Model = "claude-3-haiku-20240307" }, key.Key);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var report = await harness.Client.GetGlobalSpendReportAsync(new LiteLLMSpendReportQuery { StartDate = today, EndDate = today, GroupBy = "api_key" });
        var byTeam = await harness.Client.GetGlobalSpendReportAsync(new LiteLLMSpendReportQuery { StartDate = today, EndDate = today });

        var entry = Assert.Single(report);
        Assert.Equal(key.Token, entry.ApiKey);
        Assert.Equal(18, entry.TotalInputTokens);
        Assert.Equal(8, entry.TotalOutputTokens);
        Assert.Equal(HelloCost + (9 * 0.00000025m) + (4 * 0.00000125m), Usd(entry.TotalCost!.Value));
        Assert.Equal(2, entry.ModelDetails!.Count);
        var team = Assert.Single(Assert.Single(byTeam).Teams!);
        Assert.Equal("Unassigned Team", team.TeamName);
        Assert.Equal(entry.TotalCost, team.TotalSpend);
    }

    [Fact]
    public async Task CalculateSpendAsync_ModelAndMessages_CostsThePromptOnly()
    {
        await using var harness = await LiteLLMHarness.StartAsync();

        var cost = await harness.Client.CalculateSpendAsync(new LiteLLMSpendCalculateRequest { Model = "gpt-4o-mini", Messages = Hello.Messages });

        Assert.Equal(9 * 0.00000015m, Usd(cost));
    }

    [Fact]
    public async Task GetSpendTagsAsync_TaggedCalls_CountsEachTag()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        await harness.Client.CreateChatCompletionAsync(Hello);
        await harness.Client.CreateChatCompletionAsync(Hello with { Tags = ["front-door", "batch"] });

        var tags = await harness.Client.GetSpendTagsAsync();

        Assert.Equal(2, tags.Single(t => t.IndividualRequestTag == "front-door").LogCount);
        Assert.Equal(HelloCost, Usd(tags.Single(t => t.IndividualRequestTag == "batch").TotalSpend));
    }

    /// <summary>LiteLLM computes cost in binary floats; twelve decimals is far below a cent and above float noise.</summary>
    private static decimal Usd(decimal value) => Math.Round(value, 12);
}
