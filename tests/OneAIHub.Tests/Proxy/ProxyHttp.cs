using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OneAIHub.Tests.Proxy;

/// <summary>Raw HTTP calls to /v1, for tests that look at statuses, headers and bodies byte by byte.</summary>
public static class ProxyHttp
{
    public static HttpRequestMessage Chat(string key, string model, string prompt = "hello there", int? maxTokens = 20, bool stream = false,
        bool includeUsage = false)
    {
        var body = new Dictionary<string, object?>
        {
            ["model"] = model,
            ["messages"] = new[] { new { role = "user", content = prompt } },
        };
        if (maxTokens is not null) body["max_tokens"] = maxTokens;
        if (stream) body["stream"] = true;
        if (includeUsage) body["stream_options"] = new { include_usage = true };
        return Post("/v1/chat/completions", key, JsonSerializer.Serialize(body));
    }

    public static HttpRequestMessage Post(string path, string? key, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }

    public static async Task<JsonElement> ErrorAsync(HttpResponseMessage response)
    {
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var error = body.GetProperty("error");
        Assert.Equal(JsonValueKind.String, error.GetProperty("message").ValueKind);
        Assert.Equal(JsonValueKind.String, error.GetProperty("type").ValueKind);
        Assert.True(error.TryGetProperty("param", out _));
        Assert.True(error.TryGetProperty("code", out _));
        return error;
    }

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.First() : "";
}
