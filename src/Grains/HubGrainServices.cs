using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using OneAIHub.Grains.Budgets;
using OneAIHub.Grains.Catalog;
using OneAIHub.Grains.Interfaces.Catalog;
using OneAIHub.Grains.Keys;
using OneAIHub.Grains.LiteLLM;
using OneAIHub.Grains.Limits;
using OneAIHub.Grains.Users;

namespace OneAIHub.Grains;

public static class HubGrainServices
{
    public const string ConnectionStringName = "MySql";

    /// <summary>Everything the grains need from the silo's container: MySQL, options, caches.</summary>
    public static IServiceCollection AddHubGrainServices(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException("ConnectionStrings:MySql is not set.");
        services.AddSingleton(TimeProvider.System);
        services.AddMySqlDataSource(connectionString);
        services.AddSingleton<CatalogRepository>();
        services.AddSingleton<UserRepository>();
        services.AddSingleton<CatalogCache>();
        services.AddHostedService(sp => sp.GetRequiredService<CatalogCache>());
        services.AddLiteLLMClient(configuration);
        services.AddSingleton<IUpstreamKeys, LiteLLMUpstreamKeys>();
        services.AddOptions<LimitOptions>().BindConfiguration(LimitOptions.Section);
        services.AddOptions<RecordingOptions>().BindConfiguration(RecordingOptions.Section);
        services.AddHubBudgets();
        return services;
    }
}
