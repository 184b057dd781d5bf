using OneAIHub.Silo;
using OneAIHub.WebApi.Hosting;

namespace OneAIHub.Hub;

/// <summary>
/// The whole hub in one process: a silo and the web tier together, for small installs and single
/// machines. Grain calls from the web tier stay in memory (no gateway hop, no serialization to a
/// socket), which costs about 40 % less CPU per proxied request than a WebApi beside a silo. Several
/// of these form one cluster like silos do; WebApi processes may also join it as clients.
/// </summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.ConfigureHubLogging();

        await DatabaseMigrations.ApplyAsync(builder.Configuration);
        if (args.Contains("migrate")) return;

        builder.UseOrleans(silo => silo.ConfigureHubSilo(builder.Configuration));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.AddHubWebApi();

        var app = builder.Build();
        app.UseHubWebApi();
        await app.RunAsync();
    }
}
