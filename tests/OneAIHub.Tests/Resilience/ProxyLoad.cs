using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using OneAIHub.Tests.Proxy;

namespace OneAIHub.Tests.Resilience;

/// <summary>
/// One /v1 call as the client saw it. <see cref="Problem"/> says why an error answer was not a clean
/// OpenAI error (null when it was, or for a 200); <see cref="Exception"/> is set when no answer came.
/// </summary>
public sealed record ProxyOutcome(
    int User, int WebApi, DateTime SentAt, DateTime ReceivedAt, int Status, string? RequestId, string? ErrorCode,
    string? Problem, string? Exception)
{
    /// <summary>The hub let it through to LiteLLM: it must have exactly one request row.</summary>
    public bool Admitted => RequestId is not null && Status is 200 or 502 or 504;
}

/// <summary>
/// Steady proxy load: a few concurrent clients per user, each alternating between the WebApis and
/// pausing between calls (a per-user pause, so users load their windows differently).
/// </summary>
public sealed class ProxyLoad(IReadOnlyList<HttpClient> webApis, IReadOnlyList<LoadUser> users, int clientsPerUser,
    Func<LoadUser, TimeSpan> pause)
{
    private readonly ConcurrentQueue<ProxyOutcome> _outcomes = new();

    public IReadOnlyList<ProxyOutcome> Outcomes => _outcomes.ToList();

    /// <summary>Runs until <paramref name="stop"/>; calls in flight then finish (the load drains).</summary>
    public Task RunAsync(CancellationToken stop) =>
        Task.WhenAll(users.SelectMany(u => Enumerable.Range(0, clientsPerUser).Select(c => ClientAsync(u, c, stop))));

    /// <summary>One call, recorded like the load's own.</summary>
    public async Task<ProxyOutcome> SendAsync(LoadUser user, int webApi)
    {
        var sentAt = DateTime.UtcNow;
        try
        {
            using var response = await webApis[webApi].SendAsync(ProxyHttp.Chat(user.ApiKey, ClusterSeed.Model, "tell me a story", maxTokens: 16));
            var body = await response.Content.ReadAsStringAsync();
            var receivedAt = DateTime.UtcNow;
            var requestId = response.Headers.TryGetValues("x-request-id", out var ids) ? ids.First() : null;
            var (code, problem) = response.StatusCode == HttpStatusCode.OK ? (null, null) : ReadError(response, body);
            return Record(new ProxyOutcome(user.Index, webApi, sentAt, receivedAt, (int)response.StatusCode, requestId, code, problem, null));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return Record(new ProxyOutcome(user.Index, webApi, sentAt, DateTime.UtcNow, 0, null, null, null, $"{ex.GetType().Name}: {ex.Message}"));
        }
    }

    private async Task ClientAsync(LoadUser user, int client, CancellationToken stop)
    {
        var webApi = client % webApis.Count;
        while (!stop.IsCancellationRequested)
        {
            await SendAsync(user, webApi);
            webApi = (webApi + 1) % webApis.Count;
            try
            {
                await Task.Delay(pause(user), stop);
            }
            catch (TaskCanceledException)
            {
                return;
            }
        }
    }

    private ProxyOutcome Record(ProxyOutcome outcome)
    {
        _outcomes.Enqueue(outcome);
        return outcome;
    }

    /// <summary>The OpenAI error code, or what is wrong with the body: <c>{"error":{"message","type",…}}</c> as JSON, nothing else.</summary>
    private static (string? Code, string? Problem) ReadError(HttpResponseMessage response, string body)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/json")
            return (null, $"content type {response.Content.Headers.ContentType}: {Clip(body)}");
        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object
                || !error.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.String
                || !error.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
                return (null, $"not an OpenAI error: {Clip(body)}");
            return (error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : type.GetString(), null);
        }
        catch (JsonException)
        {
            return (null, $"not JSON: {Clip(body)}");
        }
    }

    private static string Clip(string text) => text.Length <= 200 ? text : text[..200];
}
