using OpenTelemetry.Metrics;
using OneAIHub.WebApi.Proxy;

namespace OneAIHub.WebApi.Hosting;

/// <summary>Prometheus metrics at /metrics (proxy, ASP.NET, runtime, Orleans meters) and request-scoped logs.</summary>
public static class Observability
{
    public static WebApplicationBuilder AddHubObservability(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.IncludeScopes = true;
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(ProxyMetrics.MeterName, "Microsoft.Orleans")
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddView("oneaihub.proxy.hub_overhead", new ExplicitBucketHistogramConfiguration
            {
                Boundaries = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100, 250],
            })
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>Every request's log lines carry its id (the x-request-id of /v1 answers).</summary>
    public static void UseRequestLogScope(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OneAIHub.Requests");
        app.Use(async (context, next) =>
        {
            using (logger.BeginScope("request {RequestId}", context.TraceIdentifier))
                await next();
        });
    }

    public static void MapHubMetrics(this WebApplication app) => app.MapPrometheusScrapingEndpoint("/metrics");
}
