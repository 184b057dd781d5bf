using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneAIHub.Grains;
using OneAIHub.Grains.Sync;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace OneAIHub.Silo;

public static class SiloHosting
{
    public const string AdoNetInvariant = "MySql.Data.MySqlConnector";

    /// <summary>The silo on MySQL: ADO.NET clustering, default grain storage and reminders.</summary>
    public static void ConfigureHubSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var cluster = configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        var address = IPAddress.Parse(cluster.AdvertisedIp);

        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.Id;
            o.ServiceId = cluster.ServiceId;
        });
        silo.ConfigureEndpoints(address, cluster.SiloPort, cluster.GatewayPort,
            listenOnAnyHostAddress: !IPAddress.IsLoopback(address));
        silo.AddHubProviders(configuration);
    }

    /// <summary>
    /// MySQL-backed clustering, storage and reminders, the strongly consistent directory and the
    /// grains' services: everything but identity and endpoints (which a test cluster sets itself).
    /// </summary>
    public static void AddHubProviders(this ISiloBuilder silo, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(HubGrainServices.ConnectionStringName)
            ?? throw new InvalidOperationException("ConnectionStrings:MySql is not set.");
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = AdoNetInvariant;
            o.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorageAsDefault(o =>
        {
            o.Invariant = AdoNetInvariant;
            o.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = AdoNetInvariant;
            o.ConnectionString = connectionString;
        });
#pragma warning disable ORLEANSEXP003 // Strongly consistent directory: one activation per grain even while membership changes.
        silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
        // The dashboard profiles every grain call; Dashboard:Enabled=false removes that cost.
        if (configuration.GetValue("Dashboard:Enabled", true)) silo.AddDashboard();
        silo.AddStartupTask<ModelSyncSchedule>();
        silo.Services.AddHubGrainServices(configuration);
    }

    public static void ConfigureHubLogging(this ILoggingBuilder logging) =>
        logging.AddFilter("Polly", LogLevel.Warning).AddFilter("Orleans.Runtime.Management", LogLevel.Warning);
}
