using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;

using OneAIHub.Grains.Interfaces;

namespace OneAIHub.Grains.Keys;

/// <summary>LiteLLM virtual keys (CONTRACT.md §5.1, §5.4) behind hub keys.</summary>
public sealed class LiteLLMUpstreamKeys(IHttpClientFactory httpClients, IConfiguration configuration) : IUpstreamKeys
{
    public const string HttpClientName = "litellm-keys";

    private string? BaseUrl => configuration["LiteLLM:BaseUrl"];

    public async Task<UpstreamKey?> IssueAsync(string userId, string keyId, DateTime? expiresAt, IReadOnlyList<string>? models,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(BaseUrl)) return null;
        var body = new GenerateKeyRequest($"ohk-{keyId}", userId, models?.ToList() ?? [],
            expiresAt is { } e ? $"{Math.Max(1, (int)Math.Ceiling((e - DateTime.UtcNow).TotalSeconds))}s" : null,
            new Dictionary<string, string> { ["hub_key_id"] = keyId });
        using var response = await Client().PostAsJsonAsync("key/generate", body, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        var generated = await response.Content.ReadFromJsonAsync<GenerateKeyResponse>(cancellationToken)
            ?? throw new InvalidOperationException("LiteLLM answered /key/generate with an empty body.");
        return new UpstreamKey(generated.Token ?? generated.TokenId ?? "", generated.Key);
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(BaseUrl)) return;
        using var response = await Client().PostAsJsonAsync("key/delete", new { keys = new[] { id } }, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    private HttpClient Client()
    {
        var client = httpClients.CreateClient(HttpClientName);
        client.BaseAddress = new Uri(BaseUrl!.TrimEnd('/') + "/");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", configuration["LiteLLM:MasterKey"] ?? "");
        return client;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new UpstreamKeyException($"LiteLLM refused the key operation ({(int)response.StatusCode}): {text}");
    }

    private sealed record GenerateKeyRequest(
        [property: JsonPropertyName("key_alias")] string KeyAlias,
        [property: JsonPropertyName("user_id")] string UserId,
        [property: JsonPropertyName("models")] List<string> Models,
        [property: JsonPropertyName("duration")] string? Duration,
        [property: JsonPropertyName("metadata")] Dictionary<string, string> Metadata);

    private sealed record GenerateKeyResponse(
        [property: JsonPropertyName("key")] string Key,
        [property: JsonPropertyName("token")] string? Token,
        [property: JsonPropertyName("token_id")] string? TokenId);
}
