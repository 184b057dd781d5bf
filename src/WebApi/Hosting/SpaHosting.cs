using Microsoft.AspNetCore.ResponseCompression;

namespace OneAIHub.WebApi.Hosting;

public static class SpaHosting
{
    /// <summary>
    /// Every path except the files a build emits (by extension). Those are left to the static
    /// files, so a missing one is a 404; every other path is a page, dots and all
    /// (/models/gpt-3.5-turbo), which the default "{*path:nonfile}" fallback would miss.
    /// </summary>
    private const string PagePath =
        "{*path:regex(^(?!.*\\.(js|mjs|css|map|json|txt|xml|webmanifest|svg|png|jpe?g|gif|webp|avif|ico|woff2?|ttf|otf)$))}";

    /// <summary>Brotli or gzip for the web app's text files (see <see cref="UseSpaFiles"/>).</summary>
    public static IServiceCollection AddSpaCompression(this IServiceCollection services) =>
        services.AddResponseCompression(o =>
        {
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "image/svg+xml"];
        });

    /// <summary>
    /// The built SPA: index.html for "/", compressed text (never /api or /v1, whose answers the
    /// proxy streams), and the content-hashed /assets/* cached for a year.
    /// </summary>
    public static void UseSpaFiles(this WebApplication app)
    {
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api") && !c.Request.Path.StartsWithSegments("/v1"),
            branch => branch.UseResponseCompression());
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file =>
            {
                if (file.Context.Request.Path.StartsWithSegments("/assets"))
                    file.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            },
        });
    }

    /// <summary>
    /// Unknown /api and /v1 paths get a 404 in their API's error shape; every other path gets the
    /// SPA's index.html so client-side routes (and the SPA's own 404 page) work on reload.
    /// </summary>
    public static void MapSpaFallback(this WebApplication app)
    {
        app.MapFallback(PagePath, async (HttpContext context, IWebHostEnvironment environment) =>
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
            if (path.StartsWithSegments("/api") || !index.Exists)
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
