using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OneAIHub.Silo;

/// <summary>The silo process: applies pending migrations, then hosts grains until stopped (or exits after <c>migrate</c>).</summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Logging.ConfigureHubLogging();
        builder.Logging.AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss ");

        await DatabaseMigrations.ApplyAsync(builder.Configuration);
        if (args.Contains("migrate")) return;

        builder.UseOrleans(silo => silo.ConfigureHubSilo(builder.Configuration));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));

        await builder.Build().RunAsync();
    }
}
