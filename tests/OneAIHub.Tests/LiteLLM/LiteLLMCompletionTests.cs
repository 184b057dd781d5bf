using OneAIHub.Grains.LiteLLM;
using Xunit;

namespace OneAIHub.Tests.LiteLLM;

public sealed class LiteLLMCompletionTests
{
    [Fact]
    public async Task CreateChatCompletionAsync_Prompt_AnswersDeterministically()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        var request = new LiteLLMChatCompletionRequest
        {
            Model = "claude-3-5-sonnet-20240620",
            Messages = [new("system", "be brief"), new("user", "what is the capital of France")],
        };

        var first = await harness.Client.CreateChatCompletionAsync(request);
        var second = await harness.Client.CreateChatCompletionAsync(request);

        var choice = Assert.Single(first.Choices);
        Assert.Equal("Echo: what is the capital of France", choice.Message!.Content);
        Assert.Equal("assistant", choice.Message.Role);
        Assert.Equal("stop", choice.FinishReason);
        Assert.Equal("claude-3-5-sonnet-20240620", first.Model);
        Assert.Equal("chat.completion", first.Object);
        Assert.Equal((3 + 2) + (3 + 6) + 3, first.Usage!.PromptTokens);
        Assert.Equal(7, first.Usage.CompletionTokens);
        Assert.Equal(first.Usage.PromptTokens + 7, first.Usage.TotalTokens);
        Assert.Equal(choice.Message.Content, second.Choices[0].Message!.Content);
        Assert.NotEqual(first.Id, second.Id);
        Assert.StartsWith("chatcmpl-", first.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateChatCompletionAsync_MaxTokens_CutsReplyWithLengthFinish()
    {
        await using var harness = await LiteLLMHarness.StartAsync();

        var completion = await harness.Client.CreateChatCompletionAsync(new LiteLLMChatCompletionRequest
        {
            Model = "gpt-4o-mini",
            Messages = [new("user", "one two three four five")],
            MaxTokens = 3,
        });

        Assert.Equal("Echo: one two", completion.Choices[0].Message!.Content);
        Assert.Equal("length", completion.Choices[0].FinishReason);
        Assert.Equal(3, completion.Usage!.CompletionTokens);
    }

    [Fact]
    public async Task CreateChatCompletionAsync_UnknownModel_ThrowsInvalidModel()
    {
        await using var harness = await LiteLLMHarness.StartAsync();

        var error = await Assert.ThrowsAsync<LiteLLMException>(() => harness.Client.CreateChatCompletionAsync(
            new LiteLLMChatCompletionRequest { Model = "gpt-17", Messages = [new("user", "hi")] }));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("Invalid model name passed in model=gpt-17", error.Message, StringComparison.Ordinal);
        Assert.Null(error.ErrorType);
    }

    [Fact]
    public async Task CreateChatCompletionAsync_KeyLimitedToOtherModel_ThrowsModelAccessDenied()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        var key = await harness.Client.GenerateKeyAsync(new LiteLLMGenerateKeyRequest { Models = ["gpt-4o-mini"] });

        var error = await Assert.ThrowsAsync<LiteLLMException>(() => harness.Client.CreateChatCompletionAsync(
            new LiteLLMChatCompletionRequest { Model = "gpt-4o", Messages = [new("user", "hi")] }, key.Key));

        Assert.True(error.IsAuthError);
        Assert.Equal("key_model_access_denied", error.ErrorType);
        Assert.Equal("model", error.Param);
        Assert.Equal("key not allowed to access model. This key can only access models=['gpt-4o-mini']. Tried to access gpt-4o", error.Message);
    }

    [Fact]
    public async Task CreateCompletionAsync_Prompt_ReturnsTextCompletion()
    {
        await using var harness = await LiteLLMHarness.StartAsync();

        var completion = await harness.Client.CreateCompletionAsync(new LiteLLMCompletionRequest { Model = "gpt-3.5-turbo-instruct", Prompt = "Say this is a test" });

        Assert.Equal("text_completion", completion.Object);
        Assert.Equal("Echo: Say this is a test", Assert.Single(completion.Choices).Text);
        Assert.Equal(5, completion.Usage!.PromptTokens);
        Assert.Equal(6, completion.Usage.CompletionTokens);
    }

    [Fact]
    public async Task CreateEmbeddingsAsync_SameInput_SameUnitVector()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        var request = new LiteLLMEmbeddingRequest { Model = "text-embedding-3-small", Input = ["the quick brown fox", "lazy dog"] };

        var first = await harness.Client.CreateEmbeddingsAsync(request);
        var again = await harness.Client.CreateEmbeddingsAsync(request with { Input = ["lazy dog"] });
        var small = await harness.Client.CreateEmbeddingsAsync(request with { Dimensions = 8 });

        Assert.Equal(2, first.Data.Count);
        Assert.Equal(1536, first.Data[0].Embedding.Count);
        Assert.Equal(1.0, Math.Sqrt(first.Data[0].Embedding.Sum(v => (double)v * v)), 3);
        Assert.Equal(first.Data[1].Embedding, again.Data[0].Embedding);
        Assert.NotEqual(first.Data[0].Embedding, first.Data[1].Embedding);
        Assert.Equal(6, first.Usage!.PromptTokens);
        Assert.Equal(8, small.Data[0].Embedding.Count);
    }

    [Fact]
    public async Task CreateEmbeddingsAsync_ChatModel_ThrowsBadRequest()
    {
        await using var harness = await LiteLLMHarness.StartAsync();

        var error = await Assert.ThrowsAsync<LiteLLMException>(() => harness.Client.CreateEmbeddingsAsync(
            new LiteLLMEmbeddingRequest { Model = "gpt-4o", Input = ["x"] }));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("invalid_request_error", error.ErrorType);
    }

    [Fact]
    public async Task CountTokensAsync_Messages_MatchesChatUsage()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        IReadOnlyList<LiteLLMChatMessage> messages = [new("user", "count these four words")];

        var count = await harness.Client.CountTokensAsync(new LiteLLMTokenCountRequest { Model = "mistral-small-latest", Messages = messages });
        var usage = (await harness.Client.CreateChatCompletionAsync(new LiteLLMChatCompletionRequest { Model = "mistral-small-latest", Messages = messages })).Usage!;

        Assert.Equal(usage.PromptTokens, count.TotalTokens);
        Assert.Equal("mistral-small-latest", count.ModelUsed);
        Assert.Equal("huggingface_tokenizer", count.TokenizerType);
        Assert.False(count.Error);
    }

    [Fact]
    public async Task CountTokensAsync_NoMessagesOrPrompt_ThrowsPlainDetail()
    {
        await using var harness = await LiteLLMHarness.StartAsync();

        var error = await Assert.ThrowsAsync<LiteLLMException>(() => harness.Client.CountTokensAsync(new LiteLLMTokenCountRequest { Model = "gpt-4o" }));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("prompt or messages or contents must be provided", error.Message);
    }

    [Fact]
    public async Task HealthEndpoints_MarkedUnhealthy_ReportedAsSuch()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        harness.Standin.SetModelHealth("gpt-4o", "litellm.AuthenticationError: bad provider key");

        var health = await harness.Client.GetHealthAsync();
        var alive = await harness.Client.GetLivelinessAsync();
        var ready = await harness.Client.GetReadinessAsync();

        Assert.Equal(14, health.HealthyCount);
        var sick = Assert.Single(health.UnhealthyEndpoints);
        Assert.Equal("openai/gpt-4o", sick.Model);
        Assert.Equal("litellm.AuthenticationError: bad provider key", sick.Error);
        Assert.Equal("I'm alive!", alive);
        Assert.Equal("connected", ready.Status);
        Assert.Equal("1.82.1", ready.LitellmVersion);
        Assert.NotNull(ready.LastUpdated);
    }
}
