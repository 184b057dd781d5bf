using Orleans.Configuration;

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
        });
        return builder;
    }
}
