using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using OneAIHub.Tests.LiteLLMStandin;
using Xunit;

namespace OneAIHub.Tests.LiteLLM;

/// <summary>Raw HTTP against the stand-in: SSE framing, headers and auth headers as the hub's proxy will see them.</summary>
public sealed class LiteLLMStreamingTests
{
    private static readonly HttpClient Http = new();

    private const string StreamBody =
        """{"model":"gpt-4o","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"stream me three words"}]}""";

    [Fact]
    public async Task ChatCompletionsStream_IncludeUsage_FramesChunksUsageAndDone()
    {
        await using var standin = await LiteLLMStandinServer.StartAsync();

        var (response, raw) = await PostAsync(standin, "/v1/chat/completions", StreamBody);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith("data: [DONE]\n\n", raw, StringComparison.Ordinal);
        var events = raw.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(events, e => Assert.StartsWith("data: ", e, StringComparison.Ordinal));
        var chunks = events[..^1].Select(e => JsonNode.Parse(e["data: ".Length..])!.AsObject()).ToList();
        Assert.True(chunks.Count >= 5);
        Assert.Single(chunks.Select(c => c["id"]!.GetValue<string>()).Distinct());
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c["object"]!.GetValue<string>()));
        Assert.All(chunks, c => Assert.False(c.ContainsKey("system_fingerprint")));
        Assert.Equal("assistant", chunks[0]["choices"]![0]!["delta"]!["role"]!.GetValue<string>());
        var text = string.Concat(chunks.Select(c => c["choices"]![0]!["delta"]!["content"]?.GetValue<string>() ?? ""));
        Assert.Equal("Echo: stream me three words", text);
        Assert.Equal("stop", chunks[^2]["choices"]![0]!["finish_reason"]!.GetValue<string>());
        var usage = chunks[^1]["usage"]!;
        Assert.Single(chunks[^1]["choices"]!.AsArray());
        Assert.Equal(3 + 4 + 3, usage["prompt_tokens"]!.GetValue<int>());
        Assert.Equal(5, usage["completion_tokens"]!.GetValue<int>());
        Assert.Equal(StreamBody, standin.RequestsTo("/chat/completions").Single().Body);
    }

    [Fact]
    public async Task ChatCompletionsStream_WithoutIncludeUsage_HasNoUsageChunk()
    {
        await using var standin = await LiteLLMStandinServer.StartAsync();
        var body = StreamBody.Replace("\"stream_options\":{\"include_usage\":true},", "", StringComparison.Ordinal);

        var (_, raw) = await PostAsync(standin, "/chat/completions", body);

        Assert.DoesNotContain("\"usage\"", raw, StringComparison.Ordinal);
        Assert.Contains("\"finish_reason\":\"stop\"", raw, StringComparison.Ordinal);
        Assert.EndsWith("data: [DONE]\n\n", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompletionsStream_TextCompletion_UsesTextCompletionObject()
    {
        await using var standin = await LiteLLMStandinServer.StartAsync();

        var (_, raw) = await PostAsync(standin, "/v1/completions", """{"model":"gpt-3.5-turbo-instruct","prompt":"a b","stream":true}""");

        Assert.Contains("\"object\":\"text_completion\"", raw, StringComparison.Ordinal);
        Assert.Contains("\"text\":\"Echo: \"", raw, StringComparison.Ordinal);
        Assert.EndsWith("data: [DONE]\n\n", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatCompletionsStream_DroppedAfterTwoChunks_ClientSeesBrokenStream()
    {
        await using var standin = await LiteLLMStandinServer.StartAsync();
        standin.DropStreams(afterChunks: 2, path: "/chat/completions");

        using var request = Post(standin, "/v1/chat/completions", StreamBody);
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var stream = await response.Content.ReadAsStreamAsync();
        var received = new StringBuilder();

        await Assert.ThrowsAnyAsync<IOException>(async () =>
        {
            var buffer = new byte[256];
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                received.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
        });
        Assert.Equal(2, received.ToString().Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("[DONE]", received.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatCompletions_NonStreaming_CarriesLiteLLMHeaders()
    {
        await using var standin = await LiteLLMStandinServer.StartAsync();

        var (response, _) = await PostAsync(standin, "/v1/chat/completions", """{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1.82.1", response.Headers.GetValues("x-litellm-version").Single());
        Assert.Matches("^[0-9a-f]{64}$", response.Headers.GetValues("x-litellm-model-id").Single());
        Assert.True(Guid.TryParse(response.Headers.GetValues("x-litellm-call-id").Single(), out _));
        // prompt 3 + 1 + 3 = 7 tokens at 2.5e-06, reply "Echo: hi" = 2 tokens at 1e-05.
        Assert.Equal(7 * 2.5e-06 + 2 * 1e-05, double.Parse(response.Headers.GetValues("x-litellm-response-cost").Single(), System.Globalization.CultureInfo.InvariantCulture), 12);
    }

    [Theory]
    [InlineData("x-litellm-api-key", "Bearer ")]
    [InlineData("x-litellm-api-key", "")]
    [InlineData("api-key", "")]
    [InlineData("x-api-key", "")]
    public async Task Models_AlternativeKeyHeaders_AreAccepted(string header, string prefix)
    {
        await using var standin = await LiteLLMStandinServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, standin.BaseUrl + "/v1/models");
        request.Headers.Add(header, prefix + standin.MasterKey);

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null, "Authentication Error, No api key passed in.")]
    [InlineData("sk-standin-master-key", "Authentication Error, Malformed API Key passed in. Ensure Key has `Bearer ` prefix.")]
    public async Task Models_MissingOrMalformedKey_Returns401ProxyException(string? rawAuthorization, string message)
    {
        await using var standin = await LiteLLMStandinServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, standin.BaseUrl + "/models");
        if (rawAuthorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", rawAuthorization);
        }

        using var response = await Http.SendAsync(request);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(message, error["message"]!.GetValue<string>());
        Assert.Equal("auth_error", error["type"]!.GetValue<string>());
        Assert.Equal("None", error["param"]!.GetValue<string>());
        Assert.Equal("401", error["code"]!.GetValue<string>());
    }

    /// <summary>POSTs with the master key and reads the whole body.</summary>
    private static async Task<(HttpResponseMessage Response, string Raw)> PostAsync(LiteLLMStandinServer standin, string path, string json)
    {
        using var request = Post(standin, path, json);
        var response = await Http.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static HttpRequestMessage Post(LiteLLMStandinServer standin, string path, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, standin.BaseUrl + path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", standin.MasterKey);
        return request;
    }
}
