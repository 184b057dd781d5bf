using System.Net;
using System.Security.Cryptography;
using System.Text;
using OneAIHub.Grains.LiteLLM;
using Xunit;

namespace OneAIHub.Tests.LiteLLM;

public sealed class LiteLLMKeyTests
{
    [Fact]
    public async Task GenerateKeyAsync_WithLimits_ReturnsSecretHashAndSettings()
    {
        await using var harness = await LiteLLMHarness.StartAsync();

        var key = await harness.Client.GenerateKeyAsync(new LiteLLMGenerateKeyRequest
        {
            KeyAlias = "hub-user-42",
            Models = ["gpt-4o", "gpt-4o-mini"],
            MaxBudget = 25m,
            RpmLimit = 60,
            Duration = "30d",
            Metadata = new Dictionary<string, object?> { ["hub_user"] = "42" },
        });

        Assert.Matches("^sk-[A-Za-z0-9_-]{22}$", key.Key);
        Assert.Equal(Sha256(key.Key), key.Token);
        Assert.Equal(key.Token, key.TokenId);
        Assert.Equal("sk-..." + key.Key[^4..], key.KeyName);
        Assert.Equal(["gpt-4o", "gpt-4o-mini"], key.Models);
        Assert.Equal(25m, key.MaxBudget);
        Assert.Equal(60, key.RpmLimit);
        Assert.Equal(0m, key.Spend);
        Assert.Equal("42", key.Metadata!["hub_user"].GetString());
        Assert.InRange(key.Expires!.Value, DateTimeOffset.UtcNow.AddDays(29), DateTimeOffset.UtcNow.AddDays(31));
    }

    [Fact]
    public async Task GetKeyInfoAsync_ByRawKeyAndByHash_ReturnsSameRow()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        var key = await harness.Client.GenerateKeyAsync(new LiteLLMGenerateKeyRequest { KeyAlias = "info-key", MaxBudget = 5m });

        var byRaw = await harness.Client.GetKeyInfoAsync(key.Key);
        var byHash = await harness.Client.GetKeyInfoAsync(key.Token);

        Assert.Equal(key.Key, byRaw.Key);
        Assert.Equal(key.Token, byHash.Key);
        Assert.Equal("info-key", byRaw.Info.KeyAlias);
        Assert.Equal(5m, byHash.Info.MaxBudget);
        Assert.Null(byRaw.Info.Token);
        Assert.Equal("default_user_id", byRaw.Info.CreatedBy);
        Assert.NotNull(byRaw.Info.CreatedAt);
    }

    [Fact]
    public async Task DeleteKeysAsync_GeneratedKey_IsGoneAfterwards()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        var key = await harness.Client.GenerateKeyAsync(new LiteLLMGenerateKeyRequest());

        var deleted = await harness.Client.DeleteKeysAsync([key.Key]);
        var error = await Assert.ThrowsAsync<LiteLLMException>(() => harness.Client.GetKeyInfoAsync(key.Key));

        Assert.Equal([key.Key], deleted);
        Assert.True(error.IsNotFound);
        Assert.Equal("Key not found in database", error.Message);
        Assert.Equal("not_found_error", error.ErrorType);
        Assert.Equal("key", error.Param);
        Assert.Equal("404", error.ErrorCode);
    }

    [Fact]
    public async Task DeleteKeysByAliasAsync_UnknownAlias_ThrowsNoKeysFound()
    {
        await using var harness = await LiteLLMHarness.StartAsync();

        var error = await Assert.ThrowsAsync<LiteLLMException>(() => harness.Client.DeleteKeysByAliasAsync(["nobody"]));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("{'error': 'No keys found'}", error.Message);
    }

    [Fact]
    public async Task UpdateKeyAsync_NewBudgetAndModels_AreApplied()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        var key = await harness.Client.GenerateKeyAsync(new LiteLLMGenerateKeyRequest { KeyAlias = "upd", MaxBudget = 1m });

        var row = await harness.Client.UpdateKeyAsync(new LiteLLMUpdateKeyRequest { Key = key.Key, MaxBudget = 10m, Models = ["gpt-4o-mini"] });
        var info = await harness.Client.GetKeyInfoAsync(key.Token);

        Assert.Equal(key.Key, row.Key);
        Assert.Equal(key.Token, row.Token);
        Assert.Equal(10m, row.MaxBudget);
        Assert.Equal("upd", row.KeyAlias);
        Assert.Equal(["gpt-4o-mini"], info.Info.Models);
        Assert.Equal(10m, info.Info.MaxBudget);
    }

    [Fact]
    public async Task UpdateKeyAsync_UnknownKey_ThrowsAuthError()
    {
        await using var harness = await LiteLLMHarness.StartAsync();

        var error = await Assert.ThrowsAsync<LiteLLMException>(() => harness.Client.UpdateKeyAsync(new LiteLLMUpdateKeyRequest { Key = "sk-missing", MaxBudget = 1m }));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.True(error.IsAuthError);
        Assert.StartsWith("Authentication Error: invalid user key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateKeyAsync_DuplicateAlias_ThrowsBadRequest()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        await harness.Client.GenerateKeyAsync(new LiteLLMGenerateKeyRequest { KeyAlias = "twice" });

        var error = await Assert.ThrowsAsync<LiteLLMException>(() => harness.Client.GenerateKeyAsync(new LiteLLMGenerateKeyRequest { KeyAlias = "twice" }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("bad_request_error", error.ErrorType);
        Assert.StartsWith("Key with alias 'twice' already exists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListKeysAsync_ThreeKeys_PagesHashesAndRows()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        var created = new List<LiteLLMGeneratedKey>();
        foreach (var user in new[] { "u1", "u1", "u2" })
        {
            created.Add(await harness.Client.GenerateKeyAsync(new LiteLLMGenerateKeyRequest { UserId = user }));
        }

        var firstPage = await harness.Client.ListKeysAsync(new LiteLLMKeyListQuery { Page = 1, Size = 2 });
        var u1Rows = await harness.Client.ListKeyDetailsAsync(new LiteLLMKeyListQuery { UserId = "u1" });

        Assert.Equal(3, firstPage.TotalCount);
        Assert.Equal(2, firstPage.TotalPages);
        Assert.Equal(2, firstPage.Keys.Count);
        Assert.All(firstPage.Keys, hash => Assert.Contains(created, k => k.Token == hash));
        Assert.Equal(2, u1Rows.TotalCount);
        Assert.All(u1Rows.Keys, row => Assert.Equal("u1", row.UserId));
        Assert.All(u1Rows.Keys, row => Assert.Matches("^[0-9a-f]{64}$", row.Token));
    }

    [Fact]
    public async Task ListKeysAsync_PageZero_ThrowsValidationError()
    {
        await using var harness = await LiteLLMHarness.StartAsync();

        var error = await Assert.ThrowsAsync<LiteLLMException>(() => harness.Client.ListKeysAsync(new LiteLLMKeyListQuery { Page = 0 }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.StatusCode);
        Assert.Equal("page", error.Param);
    }

    [Fact]
    public async Task CreateChatCompletionAsync_BlockedKey_ThrowsKeyBlocked()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        var key = await harness.Client.GenerateKeyAsync(new LiteLLMGenerateKeyRequest());
        await harness.Client.UpdateKeyAsync(new LiteLLMUpdateKeyRequest { Key = key.Token, Blocked = true });

        var error = await Assert.ThrowsAsync<LiteLLMException>(() => harness.Client.CreateChatCompletionAsync(Hi, key.Key));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("Authentication Error, Key is blocked. Update via `/key/unblock` if you're admin.", error.Message);
    }

    [Fact]
    public async Task CreateChatCompletionAsync_RpmLimitReached_ThrowsRateLimited()
    {
        await using var harness = await LiteLLMHarness.StartAsync();
        var key = await harness.Client.GenerateKeyAsync(new LiteLLMGenerateKeyRequest { RpmLimit = 1 });

        await harness.Client.CreateChatCompletionAsync(Hi, key.Key);
        var error = await Assert.ThrowsAsync<LiteLLMException>(() => harness.Client.CreateChatCompletionAsync(Hi, key.Key));

        Assert.True(error.IsRateLimited);
        Assert.StartsWith($"Rate limit exceeded for api_key: {key.Token}. Limit type: requests. Current limit: 1, Remaining: 0.", error.Message, StringComparison.Ordinal);
        Assert.Null(error.ErrorType);
        Assert.Equal(2, harness.Standin.RequestsTo("/chat/completions").Count(r => r.Header("Authorization") == "Bearer " + key.Key));
    }

    private static readonly LiteLLMChatCompletionRequest Hi = new() { Model = "gpt-4o-mini", Messages = [new("user", "hi")] };

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
