using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OneAIHub.Grains.Budgets;
using OneAIHub.Grains.Interfaces.Budgets;
using OneAIHub.Grains.LiteLLM;
using OneAIHub.Tests.LiteLLM;

namespace OneAIHub.Tests.AdminUsers;

/// <summary>What budgets do without a LiteLLM to mirror to (the shared hub always has one, so these run on their own).</summary>
public sealed class BudgetMirrorTests
{
    [Fact]
    public async Task PushUserBudget_LiteLLMNotConfigured_ReportsNotMirroredWithReason()
    {
        await using var provider = LiteLLMHarness.CreateProvider(null, null);
        var mirror = new BudgetMirror(provider.GetRequiredService<ILiteLLMClient>(), NullLogger<BudgetMirror>.Instance);

        var result = await mirror.PushUserBudgetAsync(Guid.NewGuid().ToString(), 5m, BudgetDurations.Daily, knownThere: false);

        Assert.False(result.Mirrored);
        Assert.Contains("not configured", result.Error);
    }

    [Fact]
    public async Task PushKeyBudget_KeyWithoutVirtualKey_ReportsNotMirroredWithReason()
    {
        await using var provider = LiteLLMHarness.CreateProvider("http://127.0.0.1:9", "sk-unused");
        var mirror = new BudgetMirror(provider.GetRequiredService<ILiteLLMClient>(), NullLogger<BudgetMirror>.Instance);

        var result = await mirror.PushKeyBudgetAsync(null, 5m, BudgetDurations.Weekly);

        Assert.False(result.Mirrored);
        Assert.Contains("no LiteLLM virtual key", result.Error);
    }

    [Fact]
    public async Task LiteLLMBudgetPassThrough_LiteLLMNotConfigured_AnswersNotConfigured()
    {
        await using var provider = LiteLLMHarness.CreateProvider(null, null);
        var grain = new LiteLLMBudgetGrain(provider.GetRequiredService<ILiteLLMClient>());

        var result = await grain.ListAsync();

        Assert.Equal(LiteLLMCallOutcome.NotConfigured, result.Outcome);
        Assert.Contains("not configured", result.Error);
        Assert.Empty(result.Budgets);
    }
}
