using System.ClientModel;
using Dapper;
using MySqlConnector;
using OneAIHub.Grains.Interfaces.Users;
using OneAIHub.Tests.Infrastructure;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;
using OpenAI.Models;

namespace OneAIHub.Tests.Proxy;

/// <summary>The official OpenAI .NET SDK, pointed at the hub with a hub key, against the LiteLLM stand-in.</summary>
[Collection(HubCollection.Name)]
public sealed class ProxySdkTests(HubFixture hub)
{
    private OpenAIClientOptions Options() => new() { Endpoint = new Uri(hub.BaseAddress, "/v1"), NetworkTimeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task ChatCompletion_NonStreaming_AnswersWithUsageHeadersAndBillsExactly()
    {
        var model = await TestCatalog.AddModelAsync(hub, 2.5m, 10m, new TierLimits(TestCatalog.StarterTier, 100, 1000, 100000, 1000000));
        var user = await TestAccounts.CreateAsync(hub, TestCatalog.StarterTier, 5m);
        var chat = new ChatClient(model, new ApiKeyCredential(user.ApiKey), Options());

        var result = await chat.CompleteChatAsync([new UserChatMessage("What is the capital of France?")],
            new ChatCompletionOptions { MaxOutputTokenCount = 50 });

        var completion = result.Value;
        Assert.StartsWith("Echo:", completion.Content[0].Text);
        var headers = result.GetRawResponse().Headers;
        Assert.True(headers.TryGetValue("x-request-id", out var requestId) && requestId!.StartsWith("req_"));
        Assert.True(headers.TryGetValue("x-ratelimit-limit-requests", out var limit) && limit == "100");
        Assert.True(headers.TryGetValue("x-ratelimit-remaining-requests", out var remaining) && remaining == "99");
        Assert.True(headers.TryGetValue("x-ratelimit-limit-tokens", out var tokenLimit) && tokenLimit == "100000");
        Assert.True(headers.TryGetValue("x-ratelimit-reset-requests", out _));
        Assert.True(headers.TryGetValue("Server-Timing", out var timing) && timing!.StartsWith("hub;dur="));

        var input = completion.Usage.InputTokenCount;
        var output = completion.Usage.OutputTokenCount;
        var expected = input * 2.5m / 1_000_000m + output * 10m / 1_000_000m;
        var row = await WaitForRowAsync(requestId!);
        Assert.Equal(input, row.input_tokens);
        Assert.Equal(output, row.output_tokens);
        Assert.Equal(input * 2.5m / 1_000_000m, row.input_cost);
        Assert.Equal(output * 10m / 1_000_000m, row.output_cost);
        Assert.Equal(expected, row.total_cost);
        Assert.Equal(200, row.status_code);
        Assert.False(row.streamed);
        var profile = await hub.Cluster.Client.GetGrain<IUserGrain>(user.Id).GetProfileAsync();
        Assert.Equal(5m - expected, profile!.Balance);
        Assert.Equal(5m - expected, await BalanceInDbAsync(user.Id));
    }

    [Fact]
    public async Task ChatCompletion_Streaming_DeliversChunksAndUsageAndRecordsStreamedRow()
    {
        var model = await TestCatalog.AddModelAsync(hub, 1m, 2m, new TierLimits(TestCatalog.StarterTier, 100, 1000, 100000, 1000000));
        var user = await TestAccounts.CreateAsync(hub, TestCatalog.StarterTier, 5m);
        var chat = new ChatClient(model, new ApiKeyCredential(user.ApiKey), Options());

        var text = "";
        ChatTokenUsage? usage = null;
        var updates = 0;
        await foreach (var update in chat.CompleteChatStreamingAsync([new UserChatMessage("one two three four five six")]))
        {
            updates++;
            foreach (var part in update.ContentUpdate) text += part.Text;
            usage ??= update.Usage;
        }

        Assert.True(updates > 2);
        Assert.StartsWith("Echo:", text);
        Assert.NotNull(usage);
        var row = await WaitForUserRowAsync(user.Id);
        Assert.True(row.streamed);
        Assert.Equal(usage!.InputTokenCount, row.input_tokens);
        Assert.Equal(usage.OutputTokenCount, row.output_tokens);
        Assert.Equal(usage.InputTokenCount * 1m / 1_000_000m + usage.OutputTokenCount * 2m / 1_000_000m, row.total_cost);
    }

    [Fact]
    public async Task Embeddings_ReturnVectorAndBillInputTokens()
    {
        var model = await TestCatalog.AddModelAsync(hub, "openai/text-embedding-3-small", 0.02m, 0m, new TierLimits(TestCatalog.StarterTier, 100, 1000, 100000, 1000000));
        var user = await TestAccounts.CreateAsync(hub, TestCatalog.StarterTier, 1m);
        var client = new EmbeddingClient(model, new ApiKeyCredential(user.ApiKey), Options());

        var embedding = (await client.GenerateEmbeddingAsync("the quick brown fox")).Value;

        Assert.True(embedding.ToFloats().Length > 0);
        var row = await WaitForUserRowAsync(user.Id);
        Assert.Equal("embeddings", row.endpoint);
        Assert.True(row.input_tokens > 0);
        Assert.Equal(row.input_tokens * 0.02m / 1_000_000m, row.total_cost);
    }

    [Fact]
    public async Task ModelList_ShowsOnlyModelsOfTheKeysTier()
    {
        var starterModel = await TestCatalog.AddModelAsync(hub, 1m, 1m, new TierLimits(TestCatalog.StarterTier, 10, 100, 10000, 100000));
        var proModel = await TestCatalog.AddModelAsync(hub, 1m, 1m, new TierLimits(TestCatalog.ProTier, 10, 100, 10000, 100000));
        var user = await TestAccounts.CreateAsync(hub, TestCatalog.StarterTier, 0m);
        var client = new OpenAIModelClient(new ApiKeyCredential(user.ApiKey), Options());

        var ids = (await client.GetModelsAsync()).Value.Select(m => m.Id).ToList();

        Assert.Contains(starterModel, ids);
        Assert.DoesNotContain(proModel, ids);
    }

    private async Task<RequestRow> WaitForRowAsync(string requestId) =>
        await PollAsync("SELECT * FROM requests WHERE request_id = @requestId", new { requestId });

    private async Task<RequestRow> WaitForUserRowAsync(string userId) =>
        await PollAsync("SELECT * FROM requests WHERE user_id = @userId ORDER BY created_at DESC LIMIT 1", new { userId });

    private async Task<RequestRow> PollAsync(string sql, object args)
    {
        await using var db = new MySqlConnection(hub.ConnectionString);
        for (var i = 0; i < 50; i++)
        {
            var row = await db.QuerySingleOrDefaultAsync<RequestRow>(sql, args);
            if (row is not null) return row;
            await Task.Delay(100);
        }
        throw new TimeoutException("No request row was written.");
    }

    private async Task<decimal> BalanceInDbAsync(string userId)
    {
        await using var db = new MySqlConnection(hub.ConnectionString);
        return await db.ExecuteScalarAsync<decimal>("SELECT balance FROM user_limits WHERE user_id = @userId", new { userId });
    }
}
