using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneAIHub.Grains.LiteLLM;
using OneAIHub.Tests.LiteLLMStandin;

namespace OneAIHub.Tests.LiteLLM;

/// <summary>A fresh stand-in on a real port and an <see cref="ILiteLLMClient"/> registered as the silo does.</summary>
internal sealed class LiteLLMHarness : IAsyncDisposable
{
    private LiteLLMHarness(LiteLLMStandinServer standin, ServiceProvider provider)
    {
        Standin = standin;
        Provider = provider;
        Client = provider.GetRequiredService<ILiteLLMClient>();
    }

    public LiteLLMStandinServer Standin { get; }

    public ServiceProvider Provider { get; }

    public ILiteLLMClient Client { get; }

    /// <param name="timeout">The client's <see cref="LiteLLMOptions.Timeout"/>.</param>
    /// <param name="clientMasterKey">The master key the client sends (defaults to the stand-in's).</param>
    public static async Task<LiteLLMHarness> StartAsync(TimeSpan? timeout = null, string? clientMasterKey = null)
    {
        var standin = await LiteLLMStandinServer.StartAsync();
        return new LiteLLMHarness(standin, CreateProvider(standin.BaseUrl, clientMasterKey ?? standin.MasterKey, timeout));
    }

    /// <summary>A service provider with only <see cref="LiteLLMServiceCollectionExtensions.AddLiteLLMClient"/> registered.</summary>
    public static ServiceProvider CreateProvider(string? baseUrl, string? masterKey, TimeSpan? timeout = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["LiteLLM:BaseUrl"] = baseUrl,
            ["LiteLLM:MasterKey"] = masterKey,
        };
        if (timeout is { } t)
        {
            settings["LiteLLM:Timeout"] = t.ToString("c", CultureInfo.InvariantCulture);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLiteLLMClient(configuration);
        return services.BuildServiceProvider(validateScopes: true);
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        await Standin.DisposeAsync();
    }
}
