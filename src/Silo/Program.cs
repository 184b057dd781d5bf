using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneAIHub.Grains;
using OneAIHub.Grains.Database;

namespace OneAIHub.Silo;

/// <summary>The silo process: applies pending migrations, then hosts grains until stopped (or exits after <c>migrate</c>).</summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Logging.ConfigureHubLogging();
        builder.Logging.AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss ");

        var connectionString = builder.Configuration.GetConnectionString(HubGrainServices.ConnectionStringName)
            ?? throw new InvalidOperationException("ConnectionStrings:MySql is not set (environment: ConnectionStrings__MySql).");

        using (var loggerFactory = LoggerFactory.Create(l => l.AddSimpleConsole()))
        {
            var runner = new MigrationRunner(connectionString, loggerFactory.CreateLogger<MigrationRunner>());
            var applied = await runner.ApplyAsync();
            Console.WriteLine(applied.Count == 0 ? "Database is up to date." : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
        }
        if (args.Contains("migrate")) return;

        builder.UseOrleans(silo => silo.ConfigureHubSilo(builder.Configuration));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));

        await builder.Build().RunAsync();
    }
}
