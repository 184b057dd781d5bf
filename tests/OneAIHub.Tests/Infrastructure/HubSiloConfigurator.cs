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
        siloBuilder.Configure<Orleans.Configuration.ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
    }
}
