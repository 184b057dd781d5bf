using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneAIHub.Grains.LiteLLM;
using Xunit;

namespace OneAIHub.Tests.LiteLLM;

public sealed class LiteLLMBudgetTests
{
    [Fact]
    public async Task CreateBudgetAsync_ThenInfoUpdateListDelete_RoundTrips()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        var client = harness.Client;

        var created = await client.CreateBudgetAsync(new LiteLLMBudgetRequest { BudgetId = "tier-pro", MaxBudget = 100m, RpmLimit = 60, BudgetDuration = "30d" });
        var updated = await client.UpdateBudgetAsync(new LiteLLMBudgetRequest { BudgetId = "tier-pro", MaxBudget = 150m });
        var info = await client.GetBudgetsAsync(["tier-pro", "missing"]);
        var listed = await client.ListBudgetsAsync();
        var deleted = await client.DeleteBudgetAsync("tier-pro");
        var afterDelete = await client.ListBudgetsAsync();

        Assert.Equal("tier-pro", created.BudgetId);
        Assert.Equal(100m, created.MaxBudget);
        Assert.Equal(60, created.RpmLimit);
        Assert.InRange(created.BudgetResetAt!.Value, DateTimeOffset.UtcNow.AddDays(29), DateTimeOffset.UtcNow.AddDays(31));
        Assert.Equal(150m, updated.MaxBudget);
        Assert.Equal("30d", updated.BudgetDuration);
        Assert.Equal(150m, Assert.Single(info).MaxBudget);
        Assert.Single(listed);
        Assert.Equal("tier-pro", deleted.BudgetId);
        Assert.Empty(afterDelete);
    }

    [Fact]
    public async Task CreateBudgetAsync_WithoutId_GeneratesUuid()
    {
        await using var harness = await LiteLLMHarness.StartAsync();

        var created = await harness.Client.CreateBudgetAsync(new LiteLLMBudgetRequest { MaxBudget = 1m });

        Assert.True(Guid.TryParse(created.BudgetId, out _));
        Assert.Equal("default_user_id", created.CreatedBy);
    }

    [Fact]
    public async Task UpdateBudgetAsync_WithoutId_ThrowsDetailMessage()
    {
        await using var harness = await LiteLLMHarness.StartAsync();

        var error = await Assert.ThrowsAsync<LiteLLMException>(() => harness.Client.UpdateBudgetAsync(new LiteLLMBudgetRequest { MaxBudget = 1m }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("budget_id is required", error.Message);
        Assert.Null(error.ErrorType);
    }

    [Fact]
    public async Task ListBudgetsAsync_VirtualKeyCaller_ThrowsAdminOnly()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        var key = await harness.Client.GenerateKeyAsync(new LiteLLMGenerateKeyRequest());
        await using var provider = LiteLLMHarness.CreateProvider(harness.Standin.BaseUrl, key.Key);
        var asUser = provider.GetRequiredService<ILiteLLMClient>();

        var error = await Assert.ThrowsAsync<LiteLLMException>(() => asUser.ListBudgetsAsync());

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.StartsWith("Admin-only endpoint.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateChatCompletionAsync_KeyBudgetSpent_ThrowsBudgetExceeded()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        var budget = await harness.Client.CreateBudgetAsync(new LiteLLMBudgetRequest { MaxBudget = 0.00001m });
        var key = await harness.Client.GenerateKeyAsync(new LiteLLMGenerateKeyRequest { BudgetId = budget.BudgetId });
        var request = new LiteLLMChatCompletionRequest { Model = "gpt-4o", Messages = [new("user", "spend some money please")] };

        await harness.Client.CreateChatCompletionAsync(request, key.Key);
        var first = await Assert.ThrowsAsync<LiteLLMException>(() => harness.Client.CreateChatCompletionAsync(request, key.Key));
        harness.Standin.BudgetExceededStatus = 429;
        var newer = await Assert.ThrowsAsync<LiteLLMException>(() => harness.Client.CreateChatCompletionAsync(request, key.Key));
        var info = await harness.Client.GetKeyInfoAsync(key.Key);

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.True(first.IsBudgetExceeded);
        Assert.Null(first.Param);
        Assert.StartsWith("Budget has been exceeded! Current cost: ", first.Message, StringComparison.Ordinal);
        Assert.EndsWith("Max budget: 1e-05", first.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, newer.StatusCode);
        Assert.True(newer.IsBudgetExceeded);
        Assert.False(newer.IsRateLimited);
        Assert.Equal(budget.BudgetId, info.Info.LitellmBudgetTable!.BudgetId);
    }
}
