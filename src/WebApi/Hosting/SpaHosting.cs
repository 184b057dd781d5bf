namespace OneAIHub.WebApi.Hosting;

public static class SpaHosting
{
    /// <summary>
    /// Unknown /api and /v1 paths get a 404 in their API's error shape; every other path gets the
    /// SPA's index.html so client-side routes (and the SPA's own 404 page) work on reload.
    /// </summary>
    public static void MapSpaFallback(this WebApplication app)
    {
        app.MapFallback(async (HttpContext context, IWebHostEnvironment environment) =>
        {
            var path = context.Request.Path;
            if (path.StartsWithSegments("/v1"))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                await context.Response.WriteAsJsonAsync(new
                {
                    error = new { message = $"Unknown request URL: {context.Request.Method} {path}.", type = "invalid_request_error", param = (string?)null, code = "unknown_url" },
                });
                return;
            }
            var index = environment.WebRootFileProvider.GetFileInfo("index.html");
            // A missing file (an unknown icon, a stale asset) is a 404, not the app's HTML.
            if (path.StartsWithSegments("/api") || Path.HasExtension(path.Value) || !index.Exists)
            {
                await Results.Problem(index.Exists ? $"No API endpoint at {path}." : "The web app is not built (run npm run build in client/).",
                    statusCode: StatusCodes.Status404NotFound, title: "Not found").ExecuteAsync(context);
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(index);
        });
    }
}
