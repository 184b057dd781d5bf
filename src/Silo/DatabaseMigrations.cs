using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OneAIHub.Grains;
using OneAIHub.Grains.Database;

namespace OneAIHub.Silo;

/// <summary>Brings the hub's schema up to date before a silo starts (silos are the processes that own the database).</summary>
public static class DatabaseMigrations
{
    public static async Task ApplyAsync(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(HubGrainServices.ConnectionStringName)
            ?? throw new InvalidOperationException("ConnectionStrings:MySql is not set (environment: ConnectionStrings__MySql).");
        using var loggerFactory = LoggerFactory.Create(l => l.AddSimpleConsole());
        var runner = new MigrationRunner(connectionString, loggerFactory.CreateLogger<MigrationRunner>());
        var applied = await runner.ApplyAsync();
        Console.WriteLine(applied.Count == 0 ? "Database is up to date." : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
    }
}
