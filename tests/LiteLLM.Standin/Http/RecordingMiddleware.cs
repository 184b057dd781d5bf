using OneAIHub.Tests.LiteLLMStandin.State;

namespace OneAIHub.Tests.LiteLLMStandin.Http;

/// <summary>Journals every request on a LiteLLM route (method, path, query, headers, body) before anything else runs.</summary>
internal sealed class RecordingMiddleware(RequestDelegate next, StandinState state)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (ControlPaths.IsControl(request.Path))
        {
            await next(context);
            return;
        }

        request.EnableBuffering();
        string body;
        using (var reader = new StreamReader(request.Body, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        request.Body.Position = 0;
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        state.Journal.Add(new ReceivedRequest(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "", headers, body, DateTimeOffset.UtcNow));
        await next(context);
    }
}

/// <summary>The stand-in's own routes live under <see cref="Prefix"/>, apart from LiteLLM's.</summary>
internal static class ControlPaths
{
    public const string Prefix = "/__standin";

    public static bool IsControl(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);
}
