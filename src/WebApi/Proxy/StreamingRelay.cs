using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace OneAIHub.WebApi.Proxy;

/// <summary>
/// Relays a server-sent-event stream event by event as it arrives (flushing after every read, never
/// buffering the stream), reads the usage chunk, and drops that chunk for a client that did not ask
/// for usage. The generated text is kept for counting in case the stream ends without usage.
/// </summary>
public static class StreamingRelay
{
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] Done = "[DONE]"u8.ToArray();

    public static async Task<RelayResult> RelayAsync(HttpContext context, HttpResponseMessage upstream, bool clientWantsUsage,
        TimeSpan idleTimeout, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(cancellationToken);

        var state = new StreamState(clientWantsUsage);
        await using var upstreamBody = await upstream.Content.ReadAsStreamAsync(cancellationToken);
        var reader = PipeReader.Create(upstreamBody, new StreamPipeReaderOptions(bufferSize: 16 * 1024));
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            while (true)
            {
                idle.CancelAfter(idleTimeout);
                var read = await reader.ReadAsync(idle.Token);
                var buffer = read.Buffer;
                while (TryReadEvent(ref buffer, out var sseEvent)) Process(sseEvent, state, response.BodyWriter);
                reader.AdvanceTo(buffer.Start, buffer.End);
                var flushed = await response.BodyWriter.FlushAsync(context.RequestAborted);
                if (flushed.IsCanceled || context.RequestAborted.IsCancellationRequested) return state.Result(clientDisconnected: true);
                if (read.IsCompleted) break;
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return state.Result(clientDisconnected: true);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException)
        {
            state.UpstreamFailed = true;
            await WriteErrorEventAsync(response, "The upstream stream broke off before it finished.", context.RequestAborted);
        }
        finally
        {
            await reader.CompleteAsync();
        }
        if (!state.SawDone && !state.UpstreamFailed) state.UpstreamFailed = true;
        return state.Result(clientDisconnected: false);
    }

    private static bool TryReadEvent(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> sseEvent)
    {
        var sequenceReader = new SequenceReader<byte>(buffer);
        if (sequenceReader.TryReadTo(out ReadOnlySequence<byte> body, EventEnd, advancePastDelimiter: true))
        {
            sseEvent = buffer.Slice(0, sequenceReader.Position);
            buffer = buffer.Slice(sequenceReader.Position);
            return true;
        }
        sseEvent = default;
        return false;
    }

    private static void Process(ReadOnlySequence<byte> sseEvent, StreamState state, PipeWriter output)
    {
        ReadOnlySpan<byte> bytes = sseEvent.IsSingleSegment ? sseEvent.FirstSpan : sseEvent.ToArray();
        var data = bytes.TrimEnd("\r\n"u8);
        if (data.StartsWith(DataPrefix))
        {
            var payload = data[DataPrefix.Length..];
            if (payload.SequenceEqual(Done))
            {
                state.SawDone = true;
            }
            else
            {
                if (payload.StartsWith("{\"error\""u8)) state.UpstreamFailed = true;
                var before = state.Text.Length;
                Usage.AppendGeneratedText(payload, state.Text);
                if (payload.IndexOf("\"usage\""u8) >= 0 && Usage.Read(payload) is { } usage)
                {
                    state.Usage = usage;
                    // The usage chunk was added by the hub's request; a client that did not ask never sees it.
                    if (!state.ClientWantsUsage && state.Text.Length == before) return;
                }
            }
        }
        output.Write(bytes);
    }

    private static async Task WriteErrorEventAsync(HttpResponse response, string message, CancellationToken cancellationToken)
    {
        try
        {
            var json = $"data: {{\"error\":{{\"message\":\"{message}\",\"type\":\"upstream_error\",\"param\":null,\"code\":\"502\"}}}}\n\n";
            await response.BodyWriter.WriteAsync(Encoding.UTF8.GetBytes(json), cancellationToken);
            await response.BodyWriter.FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
        }
    }

    private sealed class StreamState(bool clientWantsUsage)
    {
        public bool ClientWantsUsage { get; } = clientWantsUsage;
        public StringBuilder Text { get; } = new();
        public Usage? Usage { get; set; }
        public bool SawDone { get; set; }
        public bool UpstreamFailed { get; set; }

        public RelayResult Result(bool clientDisconnected) => new(
            UpstreamFailed ? StatusCodes.Status502BadGateway : clientDisconnected ? 499 : StatusCodes.Status200OK,
            Usage, Text.ToString(), UpstreamFailed, clientDisconnected,
            UpstreamFailed ? "upstream_error" : clientDisconnected ? "client_disconnected" : null);
    }
}
