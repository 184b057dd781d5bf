using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using OneAIHub.Grains.Interfaces;
using OneAIHub.Grains.Interfaces.Keys;
using OneAIHub.Grains.Interfaces.Proxy;
using OneAIHub.Grains.Interfaces.Users;

namespace OneAIHub.WebApi.Proxy;

/// <summary>
/// The proxy path of DESIGN.md for one request: key → estimate → admit (one grain call) → forward →
/// settle. Every answer carries x-request-id, Server-Timing (the hub's own time before forwarding)
/// and, once admitted or refused by a window, the x-ratelimit headers.
/// </summary>
public sealed class ProxyHandler(
    IGrainFactory grains,
    KeyOwnerCache owners,
    TokenEstimator tokens,
    UpstreamClient upstream,
    IOptions<ProxyOptions> options,
    ProxyMetrics metrics,
    SettlementJournal journal,
    TimeProvider time,
    ILogger<ProxyHandler> logger)
{
    /// <summary>
    /// The /v1 endpoints short-circuit the middleware pipeline (see ProxyApi), so this is also where
    /// their log scope and last-resort error handling live.
    /// </summary>
    public async Task HandleAsync(HttpContext context, ProxyEndpoint endpoint)
    {
        var started = Stopwatch.GetTimestamp();
        var requestId = RequestIds.Assign(context);
        using var scope = logger.BeginScope("request {RequestId}", requestId);
        try
        {
            await ProxyAsync(context, endpoint, requestId, started);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            // The cluster is unreachable or a grain failed (a silo died, MySQL restarts): a clean,
            // retryable OpenAI-style error, never a stack trace or an HTML page.
            logger.LogWarning(ex, "Proxy request {RequestId} failed inside the hub", context.TraceIdentifier);
            metrics.Rejected("HubUnavailable", null);
            context.Response.Headers.RetryAfter = "1";
            await OpenAIErrors.WriteAsync(context, StatusCodes.Status503ServiceUnavailable,
                "The hub is briefly unavailable. Retry the request.", "server_error", "hub_unavailable");
        }
    }

    private async Task ProxyAsync(HttpContext context, ProxyEndpoint endpoint, string requestId, long started)
    {
        var key = ApiKeyReader.Read(context.Request);
        if (key is null)
        {
            await RefuseAsync(context, started, 401, "You didn't provide an API key. Provide it as 'Authorization: Bearer <key>' or in the 'X-API-Key' header.",
                "invalid_request_error", "missing_api_key", "MissingKey");
            return;
        }
        var keyHash = ApiKeyFormat.Hash(key);
        var owner = ApiKeyFormat.LooksValid(key) ? await owners.FindAsync(keyHash) : null;
        if (owner is null)
        {
            await RefuseAsync(context, started, 401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key", "InvalidKey");
            return;
        }

        var body = await ReadBodyAsync(context);
        if (body is null) return;
        var (request, error, param) = ProxyRequest.Parse(endpoint, body.Value, tokens);
        if (request is null)
        {
            metrics.Rejected("BadRequest", null);
            await OpenAIErrors.InvalidRequestAsync(context, error!, param);
            WriteTiming(context, started);
            return;
        }

        var user = grains.GetHotGrain<IUserGrain>(owner.UserId);
        var admit = await user.AdmitAsync(new AdmitRequest(requestId, keyHash, request.Model, request.PromptTokens,
            request.MaxOutputTokens, request.EndpointName));
        var now = time.GetUtcNow().UtcDateTime;
        if (admit.Window is { } window) RateLimitHeaders.Apply(context.Response, window, now);
        if (!admit.Admitted)
        {
            if (admit.Outcome == AdmitOutcome.InvalidKey) owners.Forget(keyHash);
            var (status, type, code) = AdmitErrors.For(admit.Outcome);
            await RefuseAsync(context, started, status, admit.Message ?? "Refused.", type, code, AdmitErrors.Reason(admit.Outcome), request.Model);
            return;
        }

        var hubTime = WriteTiming(context, started);
        var result = await ForwardAsync(context, request, body.Value, admit);
        var latency = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var settlement = Settle(requestId, request, result, latency, admit);
        metrics.Completed(request.Model, admit.TierName, result.StatusCode, hubTime, Stopwatch.GetElapsedTime(started),
            settlement.InputTokens, settlement.OutputTokens, result.UpstreamFailed);
        SettleReceipt? receipt = null;
        try
        {
            receipt = await user.SettleAsync(settlement);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Settling request {RequestId} failed; it is settled again until it is recorded", requestId);
        }
        journal.Track(owner.UserId, settlement, receipt);
    }

    private async Task<RelayResult> ForwardAsync(HttpContext context, ProxyRequest request, ReadOnlyMemory<byte> body, AdmitResult admit)
    {
        if (!upstream.IsConfigured)
        {
            await OpenAIErrors.WriteAsync(context, StatusCodes.Status503ServiceUnavailable,
                "No LiteLLM upstream is configured for this hub (LiteLLM__BaseUrl).", "server_error", "upstream_not_configured");
            return new RelayResult(503, null, null, true, false, "upstream_not_configured");
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, upstream.Url(request.EndpointName))
        {
            Content = new ReadOnlyMemoryContent(request.UpstreamBody(body)),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admit.UpstreamKey ?? upstream.MasterKey ?? "");
        message.Headers.TryAddWithoutValidation("x-request-id", context.Response.Headers["x-request-id"].ToString());

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(options.Value.ProxyTimeout);
        HttpResponseMessage response;
        try
        {
            response = await upstream.SendAsync(message, timeout.Token);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return new RelayResult(499, null, null, false, true, "client_disconnected");
        }
        catch (OperationCanceledException)
        {
            await OpenAIErrors.WriteAsync(context, StatusCodes.Status504GatewayTimeout,
                "The upstream model provider did not answer in time.", "timeout_error", "upstream_timeout");
            return new RelayResult(504, null, null, true, false, "upstream_timeout");
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning("Upstream unreachable: {Message}", ex.Message);
            await OpenAIErrors.WriteAsync(context, StatusCodes.Status502BadGateway,
                "The upstream model provider could not be reached.", "upstream_error", "upstream_unavailable");
            return new RelayResult(502, null, null, true, false, "upstream_unavailable");
        }

        using (response)
        {
            try
            {
                var isStream = response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == "text/event-stream";
                timeout.CancelAfter(Timeout.InfiniteTimeSpan);
                return isStream
                    ? await StreamingRelay.RelayAsync(context, response, request.ClientWantsUsage, options.Value.StreamIdleTimeout, context.RequestAborted)
                    : await NonStreamingRelay.RelayAsync(context, response, timeout.Token);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return new RelayResult(499, null, null, false, true, "client_disconnected");
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException)
            {
                await OpenAIErrors.WriteAsync(context, StatusCodes.Status502BadGateway,
                    "The upstream model provider broke off its answer.", "upstream_error", "upstream_error");
                return new RelayResult(502, null, null, true, false, "upstream_error");
            }
        }
    }

    /// <summary>
    /// What to charge: the upstream's usage; without it (a stream cut short) the prompt estimate and
    /// the tokens of what was streamed. An upstream failure is never charged.
    /// </summary>
    private Settlement Settle(string requestId, ProxyRequest request, RelayResult result, int latencyMs, AdmitResult admit)
    {
        var charge = result.Succeeded || result.ClientDisconnected;
        var input = result.Usage?.InputTokens ?? (charge ? request.PromptTokens : 0);
        var output = result.Usage?.OutputTokens ?? (charge ? tokens.Count(result.StreamedText) : 0);
        return new Settlement(requestId, input, output, result.StatusCode, result.ErrorType, latencyMs, request.Stream, charge,
            admit.ApiKeyId!, admit.ModelId!, request.EndpointName, admit.ReservedTokens, admit.Window!.MinuteWindowStart,
            admit.Window.DayWindowStart);
    }

    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpContext context)
    {
        try
        {
            using var buffer = new MemoryStream(context.Request.ContentLength is > 0 and < int.MaxValue ? (int)context.Request.ContentLength : 1024);
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await OpenAIErrors.WriteAsync(context, 413, "The request body is too large.", "invalid_request_error", "request_too_large");
            return null;
        }
    }

    private async Task RefuseAsync(HttpContext context, long started, int status, string message, string type, string code, string reason,
        string? model = null)
    {
        metrics.Rejected(reason, model);
        WriteTiming(context, started);
        await OpenAIErrors.WriteAsync(context, status, message, type, code);
    }

    private static TimeSpan WriteTiming(HttpContext context, long started)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (!context.Response.HasStarted)
            context.Response.Headers["Server-Timing"] = "hub;dur=" + elapsed.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
        return elapsed;
    }
}
