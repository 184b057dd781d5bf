using System.Text.Json;
using OneAIHub.Grains.LiteLLM;
using Xunit;

namespace OneAIHub.Tests.LiteLLM;

/// <summary>The client's DTOs against payloads LiteLLM itself produced (copied from its repository into the stand-in's fixtures).</summary>
public sealed class LiteLLMJsonTests
{
    [Fact]
    public void Deserialize_CapturedBedrockChatResponse_ReadsChoiceAndUsage()
    {
        var completion = Read<LiteLLMChatCompletion>("captured_response.json");

        Assert.Equal("chatcmpl-fa9be5b7-9487-46ab-86de-6462d578fea1", completion.Id);
        Assert.Equal(1750615148, completion.Created);
        Assert.Null(completion.SystemFingerprint);
        var choice = Assert.Single(completion.Choices);
        Assert.Equal("stop", choice.FinishReason);
        Assert.StartsWith("The capital of France is Paris.", choice.Message!.Content, StringComparison.Ordinal);
        Assert.Equal(14, completion.Usage!.PromptTokens);
        Assert.Equal(67, completion.Usage.CompletionTokens);
        Assert.Equal(81, completion.Usage.TotalTokens);
    }

    [Fact]
    public void Deserialize_RawSpendLogPayload_ToleratesStringFieldsAndSpaceDatetimes()
    {
        var row = Read<LiteLLMSpendLog>("spend_logs_payload.json");

        Assert.Equal("chatcmpl-2283081b-dc89-41f6-93e6-d4f914774027", row.RequestId);
        Assert.Equal(0.000225m, Math.Round(row.Spend, 12));
        Assert.Equal(30, row.TotalTokens);
        Assert.Equal(new DateTimeOffset(2025, 1, 24, 9, 20, 46, TimeSpan.Zero).AddTicks(8473710), row.StartTime);
        Assert.Equal(JsonValueKind.String, row.Metadata!.Value.ValueKind);
        Assert.Empty(row.Tags);
        Assert.Equal("openai", row.CustomLlmProvider);
        Assert.Equal("success", row.Status);
    }

    private static T Read<T>(string name) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "litellm", name)), LiteLLMJson.Options)!;
}
