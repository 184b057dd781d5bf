using OneAIHub.Grains.LiteLLM;
using OneAIHub.Grains.Sync;

namespace OneAIHub.Tests.Sync;

public sealed class UpstreamModelTests
{
    [Fact]
    public void ListFrom_TwoDeploymentsOfOneGroup_GiveOneModelFromTheDeploymentLiteLLMPriced()
    {
        var unpriced = new LiteLLMDeployment { ModelName = "team-chat", LitellmParams = new LiteLLMParams { Model = "azure/team-chat" } };
        var priced = new LiteLLMDeployment
        {
            ModelName = "team-chat",
            LitellmParams = new LiteLLMParams { Model = "openai/gpt-4o" },
            ModelInfo = new LiteLLMModelInfo
            {
                LitellmProvider = "openai", Mode = "chat", MaxInputTokens = 128000, MaxOutputTokens = 16384,
                InputCostPerToken = 0.0000025m, OutputCostPerToken = 0.00001m, SupportsVision = true, SupportsReasoning = true,
            },
        };

        var model = Assert.Single(UpstreamModel.ListFrom([unpriced, priced]));

        Assert.Equal(("team-chat", "openai", "Team Chat"), (model.ExternalId, model.ProviderId, model.Name));
        Assert.Equal((2.5m, 10m), (model.InputPricePerMillion, model.OutputPricePerMillion));
        Assert.Equal((128000, 16384), (model.ContextWindow, model.MaxOutputTokens));
        Assert.Equal(["vision", "streaming", "reasoning"], model.Capabilities);
    }

    [Fact]
    public void ListFrom_ModelOutsideTheCostMap_HasNoPricesAndGuessesTheProviderFromItsPrefix()
    {
        var deployment = new LiteLLMDeployment { ModelName = "my-local", LitellmParams = new LiteLLMParams { Model = "ollama/llama3" } };

        var model = Assert.Single(UpstreamModel.ListFrom([deployment]));

        Assert.Equal("ollama", model.ProviderId);
        Assert.Null(model.InputPricePerMillion);
        Assert.Null(model.Mode);
        Assert.Empty(model.Capabilities);
    }

    [Fact]
    public void ListFrom_AudioModels_HaveTheAudioCapability()
    {
        var whisper = new LiteLLMDeployment
        {
            ModelName = "whisper-1",
            ModelInfo = new LiteLLMModelInfo { LitellmProvider = "openai", Mode = "audio_transcription" },
        };

        Assert.Equal(["audio"], Assert.Single(UpstreamModel.ListFrom([whisper])).Capabilities);
    }
}
