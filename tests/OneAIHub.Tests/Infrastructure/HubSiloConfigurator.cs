using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using OneAIHub.Silo;

namespace OneAIHub.Tests.Infrastructure;

/// <summary>Test silos use the product's providers: clustering, storage and reminders on MariaDB.</summary>
public sealed class HubSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddHubProviders(siloBuilder.Configuration);
        siloBuilder.Configure<Orleans.Hosting.ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
    }
}

/// <summary>The test cluster's own client finds the silos the way WebApi does: through MariaDB.</summary>
public sealed class HubClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.UseAdoNetClustering(o =>
        {
            o.Invariant = SiloHosting.AdoNetInvariant;
            o.ConnectionString = configuration.GetConnectionString("MySql");
        });
}
