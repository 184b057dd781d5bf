using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using KestrelServerOptions = Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions;
using OneAIHub.WebApi.Health;

namespace OneAIHub.WebApi.Hosting;

public static class HubDefaults
{
    /// <summary>Largest body for /api/*; /v1/* may carry images and long prompts.</summary>
    public const long ApiBodyLimit = 64 * 1024;
    public const long ProxyBodyLimit = 32 * 1024 * 1024;

    public static WebApplicationBuilder AddHubDefaults(this WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = ProxyBodyLimit);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        });
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(o => o.SwaggerDoc("v1", new() { Title = "OneAI Hub API", Version = "v1" }));
        builder.Services.AddHubHealthChecks();
        return builder;
    }

    /// <summary>Problem details for every /api error, including unhandled ones and oversized bodies.</summary>
    public static void UseHubErrors(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex switch
            {
                Microsoft.AspNetCore.Http.BadHttpRequestException bad => bad.StatusCode,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api")
                && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                limit.MaxRequestBodySize = ApiBodyLimit;
            await next();
        });
    }

    public static void MapHubDocs(this WebApplication app)
    {
        app.UseSwagger(o => o.RouteTemplate = "api/docs/{documentName}/swagger.json");
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api/docs";
            o.SwaggerEndpoint("/api/docs/v1/swagger.json", "OneAI Hub API v1");
            o.DocumentTitle = "OneAI Hub API";
        });
    }
}
