using OneAIHub.Tests.LiteLLMStandin.State;

namespace OneAIHub.Tests.LiteLLMStandin.Http;

/// <summary>Applies the per-request delay and the Fail/Hang faults to LiteLLM routes.</summary>
internal sealed class FaultMiddleware(RequestDelegate next, StandinState state, IHostApplicationLifetime lifetime)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (ControlPaths.IsControl(context.Request.Path))
        {
            await next(context);
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            var delay = state.Faults.RequestDelay;
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, stop.Token);
            }

            var fault = state.Faults.Take(context.Request.Path.Value ?? "", StandinFaultKind.Fail, StandinFaultKind.Hang);
            if (fault?.Kind == StandinFaultKind.Hang)
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }

            if (fault?.Kind == StandinFaultKind.Fail)
            {
                var message = fault.Message ?? $"litellm.APIError: stand-in injected HTTP {fault.StatusCode}";
                await LiteLLMErrors.Proxy(fault.StatusCode, message).ExecuteAsync(context);
                return;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            context.Abort();
            return;
        }

        await next(context);
    }
}
