using Microsoft.Extensions.Configuration;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.TestingHost;
using OneAIHub.Grains.Database;
using OneAIHub.Tests.LiteLLMStandin;

namespace OneAIHub.Tests.Infrastructure;

/// <summary>
/// The whole hub for a test collection: a fresh MariaDB database with every migration, the LiteLLM
/// stand-in over real HTTP, two silos (TestingHost, TCP, the product's MySQL providers) and a
/// WebApi on Kestrel, all real.
/// </summary>
public class HubFixture : IAsyncLifetime
{
    public const string AdminEmail = "admin@oneaihub.test";
    public const string AdminPassword = "admin-password-123";

    public string ConnectionString { get; private set; } = "";
    public LiteLLMStandinServer LiteLLM { get; private set; } = null!;
    public TestCluster Cluster { get; private set; } = null!;
    public HubWebApp WebApp { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    protected virtual int SiloCount => 2;

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await MariaDbServer.CreateDatabaseAsync();
        LiteLLM = await LiteLLMStandinServer.StartAsync();
        await new MigrationRunner(ConnectionString, NullLogger<MigrationRunner>.Instance).ApplyAsync();
        var settings = Settings();

        var builder = new TestClusterBuilder((short)SiloCount);
        builder.Options.ClusterId = $"test-{Guid.NewGuid():N}"[..20];
        builder.Options.ServiceId = "oneaihub-tests";
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(settings));
        builder.AddSiloBuilderConfigurator<HubSiloConfigurator>();
        builder.AddClientBuilderConfigurator<HubClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();

        settings["Cluster:Id"] = Cluster.Options.ClusterId;
        settings["Cluster:ServiceId"] = Cluster.Options.ServiceId;
        settings["Admin:Email"] = AdminEmail;
        settings["Admin:Password"] = AdminPassword;
        WebApp = new HubWebApp(settings);
        BaseAddress = WebApp.StartOnKestrel();
        await WaitForAdminAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await WebApp.DisposeAsync();
        if (_second is not null) await _second.DisposeAsync();
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await LiteLLM.DisposeAsync();
    }

    /// <summary>Configuration shared by silos and WebApi; subclasses add LiteLLM and the like.</summary>
    protected virtual Dictionary<string, string?> Settings() => new()
    {
        ["ConnectionStrings:MySql"] = ConnectionString,
        ["LiteLLM:BaseUrl"] = LiteLLM.BaseUrl,
        ["LiteLLM:MasterKey"] = LiteLLM.MasterKey,
        ["Recording:FlushInterval"] = "00:00:00.200",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Limits:PersistInterval"] = "00:00:00.500",
        ["Budgets:ResetCheckPeriod"] = "00:00:02",
        ["Auth:LoginAttemptsPerMinute"] = "100000",
        ["LiteLLM:ProxyTimeout"] = "00:00:04",
        ["LiteLLM:StreamIdleTimeout"] = "00:00:04",
    };

    private HubWebApp? _second;

    /// <summary>A second WebApi instance on the same cluster (started on first use), for multi-instance tests.</summary>
    public async Task<Uri> SecondWebApiAsync()
    {
        if (_second is null)
        {
            var settings = Settings();
            settings["Cluster:Id"] = Cluster.Options.ClusterId;
            settings["Cluster:ServiceId"] = Cluster.Options.ServiceId;
            _second = new HubWebApp(settings);
            var address = _second.StartOnKestrel();
            using var client = new HttpClient { BaseAddress = address };
            for (var i = 0; i < 100 && !(await client.GetAsync("/health/ready")).IsSuccessStatusCode; i++) await Task.Delay(200);
        }
        return _second.ClientOptions.BaseAddress;
    }

    public HttpClient CreateClient(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> AdminTokenAsync() => await LoginAsync(AdminEmail, AdminPassword);

    public async Task<string> LoginAsync(string email, string password)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        return body!.Token;
    }

    private async Task WaitForAdminAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        using var client = CreateClient();
        while (true)
        {
            var response = await client.PostAsJsonAsync("/api/auth/login", new { email = AdminEmail, password = AdminPassword });
            if (response.IsSuccessStatusCode) return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The first admin was not created: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(250);
        }
    }

    private sealed record TokenBody(string Token);
}
