using Microsoft.Extensions.DependencyInjection;

namespace OneAIHub.Grains.Budgets;

public static class BudgetServices
{
    public static IServiceCollection AddHubBudgets(this IServiceCollection services)
    {
        services.AddSingleton<BudgetRepository>();
        services.AddSingleton<BudgetMirror>();
        services.AddOptions<BudgetOptions>().BindConfiguration(BudgetOptions.Section);
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, BudgetResetScheduler>();
        return services;
    }
}
