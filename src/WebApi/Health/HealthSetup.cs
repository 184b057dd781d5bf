using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MySqlConnector;
using OneAIHub.Grains.Interfaces;
using OneAIHub.Grains.Interfaces.Catalog;
using OneAIHub.Grains.Interfaces.LiteLLM;

namespace OneAIHub.WebApi.Health;

public static class HealthSetup
{
    private const string Ready = "ready";

    public static IServiceCollection AddHubHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<MySqlHealthCheck>("mysql", tags: [Ready])
            .AddCheck<ClusterHealthCheck>("cluster", tags: [Ready])
            // The hub serves its catalog and keys without LiteLLM; only /v1 calls and syncs need it.
            .AddCheck<LiteLLMHealthCheck>("litellm", failureStatus: HealthStatus.Degraded, tags: [Ready]);
        return services;
    }

    public static void MapHubHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync });
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                durationMs = (int)e.Value.Duration.TotalMilliseconds,
            }),
        }, JsonSerializerOptions.Web);
    }
}

public sealed class MySqlHealthCheck(IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var builder = new MySqlConnectionStringBuilder(configuration.GetConnectionString("MySql") ?? "") { ConnectionTimeout = 3 };
            await using var connection = new MySqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            return await connection.PingAsync(cancellationToken)
                ? HealthCheckResult.Healthy("MySQL answers.")
                : HealthCheckResult.Unhealthy("MySQL does not answer a ping.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"MySQL is unreachable: {ex.Message}");
        }
    }
}

public sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await grains.GetGrain<ICatalogGrain>(GrainKeys.Catalog).GetVersionAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy("The Orleans cluster answers.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"The Orleans cluster does not answer: {ex.Message}");
        }
    }
}

/// <summary>LiteLLM's readiness as a silo sees it (the WebApi never calls LiteLLM's management API itself).</summary>
public sealed class LiteLLMHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var report = await grains.GetGrain<ILiteLLMHealthGrain>(0).CheckAsync().WaitAsync(TimeSpan.FromSeconds(8), cancellationToken);
            return report.Reachable ? HealthCheckResult.Healthy(report.Description) : HealthCheckResult.Degraded(report.Description);
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Degraded($"LiteLLM's readiness could not be checked: {ex.Message}");
        }
    }
}
