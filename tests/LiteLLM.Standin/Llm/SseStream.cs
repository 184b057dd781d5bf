using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using OneAIHub.Tests.LiteLLMStandin.Http;
using OneAIHub.Tests.LiteLLMStandin.State;

namespace OneAIHub.Tests.LiteLLMStandin.Llm;

/// <summary>
/// LiteLLM's <c>async_data_generator</c> framing: <c>data: {json}\n\n</c> per chunk, then <c>data: [DONE]\n\n</c>.
/// Honours the per-chunk delay and the DropStream/StreamError faults.
/// </summary>
internal static class SseStream
{
    private static readonly TimeSpan DropGrace = TimeSpan.FromMilliseconds(100);

    public static async Task WriteAsync(HttpContext context, StandinState state, IReadOnlyList<JsonObject> events, Action beforeDone)
    {
        var response = context.Response;
        var aborted = context.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var fault = state.Faults.Take(context.Request.Path.Value ?? "", StandinFaultKind.DropStream, StandinFaultKind.StreamError);
        var delay = state.Faults.ChunkDelay;
        try
        {
            await response.StartAsync(aborted);
            for (var i = 0; i <= events.Count; i++)
            {
                if (fault is not null && i == Math.Min(fault.AfterChunks, events.Count))
                {
                    await FailAsync(context, fault);
                    return;
                }

                if (i == events.Count)
                {
                    break;
                }

                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, aborted);
                }

                await WriteEventAsync(response, JsonOut.Compact(events[i]), aborted);
            }

            beforeDone();
            await WriteEventAsync(response, "[DONE]", aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away mid-stream; LiteLLM just stops too.
        }
    }

    private static async Task FailAsync(HttpContext context, StandinFault fault)
    {
        if (fault.Kind == StandinFaultKind.DropStream)
        {
            // Let what was written reach the client first: Kestrel's Abort discards unsent output.
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(DropGrace, context.RequestAborted);
            context.Abort();
            return;
        }

        var error = LiteLLMErrors.ProxyBody(fault.StatusCode, fault.Message ?? "litellm.InternalServerError: stand-in injected a mid-stream error");
        await WriteEventAsync(context.Response, JsonOut.Compact(error), context.RequestAborted);
    }

    private static async Task WriteEventAsync(HttpResponse response, string data, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes("data: " + data + "\n\n"), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
