using OneAIHub.Grains.Interfaces.Catalog;
using OneAIHub.WebApi.Admin;
using OneAIHub.WebApi.Auth;
using OneAIHub.WebApi.Budgets;
using OneAIHub.WebApi.Catalog;
using OneAIHub.WebApi.Health;
using OneAIHub.WebApi.Keys;
using OneAIHub.WebApi.Profile;
using OneAIHub.WebApi.Proxy;
using OneAIHub.WebApi.Requests;

namespace OneAIHub.WebApi.Hosting;

/// <summary>
/// The web tier apart from how it reaches the cluster: the WebApi process adds an Orleans client
/// (<see cref="OrleansClientHosting.AddHubOrleansClient"/>), the single-process hub a silo; either
/// first, as the web tier's hosted services call grains when they start.
/// </summary>
public static class WebApiSetup
{
    public static WebApplicationBuilder AddHubWebApi(this WebApplicationBuilder builder)
    {
        builder.AddHubDefaults();
        builder.AddHubObservability();
        builder.AddHubAuth();
        // A co-hosted silo has registered the catalog cache already; one instance serves both.
        if (!builder.Services.Any(d => d.ServiceType == typeof(CatalogCache)))
        {
            builder.Services.AddSingleton<CatalogCache>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<CatalogCache>());
        }
        builder.Services.AddHubProxy();
        builder.Services.AddSpaCompression();
        return builder;
    }

    public static WebApplication UseHubWebApi(this WebApplication app)
    {
        app.UseHubErrors();
        app.UseRequestLogScope();
        app.UseSpaFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapHubDocs();
        app.MapHubHealth();
        app.MapHubMetrics();
        app.MapHubDashboard();
        app.MapAuthApi();
        app.MapProfileApi();
        app.MapKeysApi();
        app.MapBudgetsApi();
        app.MapRequestsApi();
        app.MapAdminUsersApi();
        app.MapAdminBudgetsApi();
        app.MapCatalogApi();
        app.MapSyncApi();
        app.MapAdminModelsApi();
        app.MapAdminTiersApi();
        app.MapAdminRateLimitsApi();
        app.MapAdminUsageApi();
        app.MapAdminAuditApi();
        app.MapProxyApi();
        app.MapSpaFallback();
        return app;
    }
}
