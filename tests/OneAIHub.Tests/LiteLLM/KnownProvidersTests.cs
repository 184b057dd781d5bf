using OneAIHub.Grains.Catalog;
using OneAIHub.Grains.LiteLLM;
using Xunit;

namespace OneAIHub.Tests.LiteLLM;

public sealed class KnownProvidersTests
{
    [Fact]
    public async Task ProviderOf_FixtureDeployments_AreAllKnownProviders()
    {
        await using var harness = await LiteLLMHarness.StartAsync();

        var providers = (await harness.Client.GetModelInfoAsync()).Select(KnownProviders.ProviderOf).Distinct().Order().ToList();

        Assert.Equal(["anthropic", "deepseek", "gemini", "gigachat", "mistral", "openai"], providers);
        Assert.All(providers, p => Assert.True(KnownProviders.IsKnown(p), p));
    }

    [Fact]
    public void Get_GigaChat_IsSberGigaChat()
    {
        var gigachat = KnownProviders.Get("gigachat");

        Assert.Equal("Sber GigaChat", gigachat.DisplayName);
        Assert.False(string.IsNullOrWhiteSpace(gigachat.Description));
        Assert.Equal("googlegemini", KnownProviders.Get("gemini").LogoKey);
        Assert.Equal("mistralai", KnownProviders.Get("mistral").LogoKey);
    }

    [Fact]
    public void Get_UnknownProvider_ReturnsTitleCasedDefaultWithoutLogo()
    {
        var provider = KnownProviders.Get("fancy_new-lab");

        Assert.Equal("fancy_new-lab", provider.Id);
        Assert.Equal("Fancy New Lab", provider.DisplayName);
        Assert.Null(provider.LogoKey);
        Assert.Null(provider.Website);
        Assert.Contains("Fancy New Lab", provider.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vertex_ai-language-models", "vertex_ai")]
    [InlineData("text-completion-openai", "openai")]
    [InlineData("Anthropic", "anthropic")]
    [InlineData("cohere_chat", "cohere")]
    public void Normalize_LiteLLMVariant_ReturnsCanonicalId(string raw, string expected) =>
        Assert.Equal(expected, KnownProviders.Normalize(raw));

    [Theory]
    [InlineData(null, null, "bedrock/anthropic.claude-3", "bedrock")]
    [InlineData(null, "groq", "llama-3.1-8b-instant", "groq")]
    [InlineData("vertex_ai-chat-models", null, "gemini-1.5-pro", "vertex_ai")]
    [InlineData(null, null, "claude-3-opus-20240229", "anthropic")]
    [InlineData(null, null, "my-private-model", "unknown")]
    public void ProviderOf_Deployment_UsesInfoThenParamsThenName(string? infoProvider, string? customProvider, string model, string expected)
    {
        var deployment = new LiteLLMDeployment
        {
            ModelName = model,
            LitellmParams = new LiteLLMParams { Model = model, CustomLlmProvider = customProvider },
            ModelInfo = new LiteLLMModelInfo { LitellmProvider = infoProvider },
        };

        Assert.Equal(expected, KnownProviders.ProviderOf(deployment));
    }
}
