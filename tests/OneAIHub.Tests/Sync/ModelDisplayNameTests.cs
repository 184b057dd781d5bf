using OneAIHub.Grains.Sync;

namespace OneAIHub.Tests.Sync;

public sealed class ModelDisplayNameTests
{
    [Theory]
    [InlineData("gpt-4o", "GPT-4o")]
    [InlineData("gpt-4o-mini", "GPT-4o Mini")]
    [InlineData("gpt-3.5-turbo", "GPT-3.5 Turbo")]
    [InlineData("gpt-4o-2024-08-06", "GPT-4o (2024-08-06)")]
    [InlineData("claude-3-5-sonnet-20240620", "Claude 3.5 Sonnet (2024-06-20)")]
    [InlineData("claude-3-haiku-20240307", "Claude 3 Haiku (2024-03-07)")]
    [InlineData("mistral-small-latest", "Mistral Small Latest")]
    [InlineData("gemini-1.5-pro", "Gemini 1.5 Pro")]
    [InlineData("deepseek-chat", "DeepSeek Chat")]
    [InlineData("GigaChat-2-Max", "GigaChat 2 Max")]
    [InlineData("text-embedding-3-small", "Text Embedding 3 Small")]
    [InlineData("groq/llama-3-1-70b", "Llama 3.1 70B")]
    public void From_LiteLLMModelName_IsReadable(string modelName, string expected) =>
        Assert.Equal(expected, ModelDisplayName.From(modelName));
}
