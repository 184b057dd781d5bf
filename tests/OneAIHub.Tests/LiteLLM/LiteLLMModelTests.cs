using OneAIHub.Grains.LiteLLM;
using OneAIHub.Tests.LiteLLMStandin;
using Xunit;

namespace OneAIHub.Tests.LiteLLM;

public sealed class LiteLLMModelTests
{
    [Fact]
    public async Task ListModelsAsync_FixtureLoaded_ReturnsEveryModelGroup()
    {
        await using var harness = await LiteLLMHarness.StartAsync();

        var models = await harness.Client.ListModelsAsync();

        Assert.Equal(15, models.Count);
        Assert.Contains(models, m => m.Id == "gpt-4o");
        Assert.Contains(models, m => m.Id == "claude-3-7-sonnet-20250219");
        Assert.Contains(models, m => m.Id == "GigaChat-2-Max");
        Assert.All(models, m => Assert.Equal(1677610602, m.Created));
        Assert.All(models, m => Assert.Equal("openai", m.OwnedBy));
    }

    [Fact]
    public async Task GetModelInfoAsync_Gpt4o_HasPriceMapFactsTyped()
    {
        await using var harness = await LiteLLMHarness.StartAsync();

        var deployments = await harness.Client.GetModelInfoAsync();
        var gpt4o = Assert.Single(deployments, d => d.ModelName == "gpt-4o");

        Assert.Equal("openai/gpt-4o", gpt4o.LitellmParams.Model);
        Assert.Equal("https://api.openai.com/v1", gpt4o.LitellmParams.ApiBase);
        var info = gpt4o.ModelInfo;
        Assert.Matches("^[0-9a-f]{64}$", info.Id);
        Assert.False(info.DbModel);
        Assert.Equal("gpt-4o", info.Key);
        Assert.Equal(0.0000025m, info.InputCostPerToken);
        Assert.Equal(0.00001m, info.OutputCostPerToken);
        Assert.Equal(0.00000125m, info.CacheReadInputTokenCost);
        Assert.Equal(128000, info.MaxInputTokens);
        Assert.Equal(16384, info.MaxOutputTokens);
        Assert.Equal("openai", info.LitellmProvider);
        Assert.Equal("chat", info.Mode);
        Assert.True(info.SupportsVision);
        Assert.True(info.SupportsFunctionCalling);
        Assert.Null(info.SupportsReasoning);
        Assert.Contains("stream_options", info.SupportedOpenaiParams!);
        Assert.True(info.Extra!.ContainsKey("input_cost_per_token_priority"));
    }

    [Fact]
    public async Task GetModelInfoAsync_EmbeddingAndGigaChat_KeepProviderAndMode()
    {
        await using var harness = await LiteLLMHarness.StartAsync();

        var deployments = await harness.Client.GetModelInfoAsync();

        var embedding = Assert.Single(deployments, d => d.ModelName == "text-embedding-3-small").ModelInfo;
        Assert.Equal("embedding", embedding.Mode);
        Assert.Equal(1536, embedding.OutputVectorSize);
        Assert.Null(embedding.MaxOutputTokens);
        Assert.Equal(0.00000002m, embedding.InputCostPerToken);
        var giga = Assert.Single(deployments, d => d.ModelName == "GigaChat-2-Max").ModelInfo;
        Assert.Equal("gigachat", giga.LitellmProvider);
        Assert.Equal("gigachat/GigaChat-2-Max", giga.Key);
        Assert.Equal(0m, giga.InputCostPerToken);
    }

    [Fact]
    public async Task GetModelInfoAsync_ByDeploymentId_ReturnsThatDeploymentOnly()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        var all = await harness.Client.GetModelInfoAsync();
        var claude = all.Single(d => d.ModelName == "claude-3-haiku-20240307");

        var one = await harness.Client.GetModelInfoAsync(claude.ModelInfo.Id);

        Assert.Equal("claude-3-haiku-20240307", Assert.Single(one).ModelName);
        Assert.Equal("anthropic", one[0].ModelInfo.LitellmProvider);
    }

    [Fact]
    public async Task GetModelGroupInfoAsync_FloatLimits_ParseAsIntegers()
    {
        await using var harness = await LiteLLMHarness.StartAsync();

        var group = Assert.Single(await harness.Client.GetModelGroupInfoAsync("claude-3-7-sonnet-20250219"));

        Assert.Equal(["anthropic"], group.Providers);
        Assert.Equal(200000, group.MaxInputTokens);
        Assert.Equal(64000, group.MaxOutputTokens);
        Assert.Equal(0.000015m, group.OutputCostPerToken);
        Assert.True(group.SupportsFunctionCalling);
        Assert.Equal("chat", group.Mode);
    }

    [Fact]
    public async Task GetModelInfoAsync_ModelAddedAndRepricedAtRunTime_ShowsChange()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        harness.Standin.AddModel(new StandinModelSpec("claude-haiku-eu", "anthropic/claude-3-haiku-20240307"));
        harness.Standin.UpdateModel("gpt-4o", new() { ["input_cost_per_token"] = 0.000003 });
        harness.Standin.RemoveModel("deepseek-chat");

        var deployments = await harness.Client.GetModelInfoAsync();

        var added = Assert.Single(deployments, d => d.ModelName == "claude-haiku-eu");
        Assert.Equal(0.00000025m, added.ModelInfo.InputCostPerToken);
        Assert.Equal(0.000003m, deployments.Single(d => d.ModelName == "gpt-4o").ModelInfo.InputCostPerToken);
        Assert.DoesNotContain(deployments, d => d.ModelName == "deepseek-chat");
    }

    [Fact]
    public async Task AddModelAsync_DbModel_IsListedThenDeleted()
    {
        await using var harness = await LiteLLMHarness.StartAsync();

        var row = await harness.Client.AddModelAsync(new LiteLLMModelRequest
        {
            ModelName = "team-gpt4o",
            LitellmParams = new LiteLLMParams { Model = "openai/gpt-4o", ApiKey = "sk-provider-secret", Rpm = 100 },
            ModelInfo = new LiteLLMModelInfo { BaseModel = "gpt-4o" },
        });
        var listed = (await harness.Client.GetModelInfoAsync()).Single(d => d.ModelName == "team-gpt4o");
        var deleted = await harness.Client.DeleteModelAsync(row.ModelId);
        var after = await harness.Client.GetModelInfoAsync();

        Assert.NotEqual("openai/gpt-4o", row.LitellmParams.Model);
        Assert.Equal(100, row.LitellmParams.Rpm);
        Assert.True(listed.ModelInfo.DbModel);
        Assert.Equal(row.ModelId, listed.ModelInfo.Id);
        Assert.Null(listed.LitellmParams.ApiKey);
        Assert.Equal(0.0000025m, listed.ModelInfo.InputCostPerToken);
        Assert.Equal($"Model: {row.ModelId} deleted successfully", deleted.Message);
        Assert.DoesNotContain(after, d => d.ModelName == "team-gpt4o");
    }

    [Fact]
    public async Task DeleteModelAsync_ConfigModel_ThrowsWithLiteLLMMessage()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        var id = (await harness.Client.GetModelInfoAsync()).First().ModelInfo.Id!;

        var error = await Assert.ThrowsAsync<LiteLLMException>(() => harness.Client.DeleteModelAsync(id));

        Assert.Equal(LiteLLMErrorKind.ErrorResponse, error.Kind);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal($"{{'error': 'Model with id={id} not found in db'}}", error.Message);
        Assert.Equal("auth_error", error.ErrorType);
    }

    [Fact]
    public async Task UpdateModelAsync_MissingModelInfoId_ThrowsValidationError()
    {
        await using var harness = await LiteLLMHarness.StartAsync();

        var error = await Assert.ThrowsAsync<LiteLLMException>(() => harness.Client.UpdateModelAsync(new LiteLLMModelRequest
        {
            LitellmParams = new LiteLLMParams { Rpm = 5 },
            ModelInfo = new LiteLLMModelInfo(),
        }));

        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, error.StatusCode);
        Assert.Equal("missing", error.ErrorType);
        Assert.Equal("id", error.Param);
        Assert.Equal("model_info.id: Field required", error.Message);
    }
}
