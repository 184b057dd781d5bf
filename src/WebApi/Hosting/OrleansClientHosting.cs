using Orleans.Configuration;
using Orleans.Dashboard;

namespace OneAIHub.WebApi.Hosting;

/// <summary>Cluster identity as the silos have it (section <c>Cluster</c>).</summary>
public sealed class ClusterClientSettings
{
    public const string Section = "Cluster";

    public string Id { get; set; } = "oneaihub";
    public string ServiceId { get; set; } = "oneaihub";
}

public static class OrleansClientHosting
{
    /// <summary>An Orleans client that finds gateways through the same MySQL membership table as the silos.</summary>
    public static WebApplicationBuilder AddHubOrleansClient(this WebApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection(ClusterClientSettings.Section).Get<ClusterClientSettings>() ?? new();
        var connectionString = builder.Configuration.GetConnectionString("MySql")
            ?? throw new InvalidOperationException("ConnectionStrings:MySql is not set (environment: ConnectionStrings__MySql).");
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.Id;
                o.ServiceId = cluster.ServiceId;
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "MySql.Data.MySqlConnector";
                o.ConnectionString = connectionString;
            });
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(10));
            if (DashboardHosting.IsEnabled(builder.Configuration)) client.AddDashboard();
        });
        return builder;
    }
}

public static class DashboardHosting
{
    public const string Path = "/orleans-dashboard";
    public const string CookieName = "oneaihub_dashboard";

    /// <summary><c>Dashboard:Enabled</c> (default true); set it alike on silos and WebApis.</summary>
    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue("Dashboard:Enabled", true);

    /// <summary>
    /// The Orleans Dashboard for admins only. A browser cannot send a bearer token on navigation, so
    /// <c>POST /api/auth/dashboard-session</c> (admin JWT) sets an HttpOnly cookie holding the token,
    /// which the JWT handler accepts on dashboard paths only.
    /// </summary>
    public static void MapHubDashboard(this WebApplication app)
    {
        if (!IsEnabled(app.Configuration)) return;
        app.MapOrleansDashboard(Path).RequireAuthorization(Auth.AuthSetup.AdminPolicy);
        app.MapPost("/api/auth/dashboard-session", (HttpContext context) =>
        {
            var token = context.Request.Headers.Authorization.ToString()["Bearer ".Length..];
            context.Response.Cookies.Append(CookieName, token, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                Path = Path,
                MaxAge = TimeSpan.FromHours(1),
            });
            return TypedResults.Ok(new { url = Path + "/" });
        }).RequireAuthorization(Auth.AuthSetup.AdminPolicy).WithTags("Accounts").WithSummary("Open the Orleans Dashboard (admins)");
    }
}
