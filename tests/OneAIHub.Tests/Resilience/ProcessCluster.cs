using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using MySqlConnector;
using OneAIHub.Grains.Database;
using OneAIHub.Tests.Infrastructure;
using OneAIHub.Tests.LiteLLMStandin;

namespace OneAIHub.Tests.Resilience;

/// <summary>
/// The hub as operators run it: silos and WebApis as separate processes on one database of their own,
/// in front of an in-process LiteLLM stand-in on a fixed port (so it can be stopped and started again).
/// Silos have no LiteLLM configuration, so keys get no virtual keys and the WebApis forward with the
/// master key: a restarted stand-in lacks nothing the hub needs.
/// </summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    public const string AdminEmail = "admin@faults.test";
    public const string AdminPassword = "admin-password-123";
    public const string FlushInterval = "00:00:00.250";
    public static readonly TimeSpan PersistInterval = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan StandinLatency = TimeSpan.FromMilliseconds(40);

    private readonly List<HubProcess> _silos = [];
    private readonly List<HubProcess> _webApis = [];
    private readonly List<HubProcess> _hubs = [];
    /// <summary>
    /// Every port the cluster needs, taken while all are held open: ports asked for one at a time can
    /// repeat, and two silos on one port do not fail, they share it (Orleans listens with
    /// SO_REUSEADDR, which .NET maps to SO_REUSEPORT on Linux) and the cluster never forms.
    /// </summary>
    private readonly Queue<int> _ports;
    private readonly int _standinPort;
    private LiteLLMStandinServer? _standin;

    private ProcessCluster(string connectionString, string logFolder, int ports)
    {
        ConnectionString = connectionString;
        LogFolder = logFolder;
        _ports = new Queue<int>(DistinctFreePorts(ports));
        _standinPort = _ports.Dequeue();
    }

    public string ConnectionString { get; }

    public string LogFolder { get; }

    public string ClusterId { get; } = $"faults-{Guid.NewGuid():N}"[..22];

    public IReadOnlyList<HubProcess> Silos => _silos;

    private IEnumerable<HubProcess> Processes => _silos.Concat(_hubs).Concat(_webApis);

    /// <summary>Whether the processes' log files stay on disk after disposal (a passing test clears this).</summary>
    public bool KeepLogs { get; set; } = true;

    public IReadOnlyList<Uri> WebApiAddresses { get; private set; } = [];

    public string StandinUrl => $"http://127.0.0.1:{_standinPort}";

    /// <summary>
    /// Starts <paramref name="silos"/> silos, <paramref name="webApis"/> WebApis and <paramref name="hubs"/>
    /// single-process hubs (each a silo and a web tier); <see cref="WebApiAddresses"/> lists the WebApis, then the hubs.
    /// </summary>
    public static async Task<ProcessCluster> StartAsync(int silos, int webApis, int hubs = 0)
    {
        var connectionString = await MariaDbServer.CreateDatabaseAsync("faults");
        await new MigrationRunner(connectionString, NullLogger<MigrationRunner>.Instance).ApplyAsync();
        var logFolder = Directory.CreateTempSubdirectory("oneaihub-faults-").FullName;
        var cluster = new ProcessCluster(connectionString, logFolder, 1 + 2 * silos + webApis + 3 * hubs);
        try
        {
            await cluster.StartStandinAsync();
            for (var i = 0; i < silos; i++) cluster.AddSilo(i);
            var addresses = new List<Uri>();
            for (var i = 0; i < webApis; i++) addresses.Add(cluster.AddWebApi(i));
            for (var i = 0; i < hubs; i++) addresses.Add(cluster.AddHub(i));
            cluster.WebApiAddresses = addresses;
            foreach (var process in cluster.Processes) process.Start();
            await cluster.WaitUntilReadyAsync(silos + hubs, TimeSpan.FromSeconds(120));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async Task StartStandinAsync()
    {
        _standin = await LiteLLMStandinServer.StartAsync(StandinOptions.DefaultMasterKey, _standinPort);
        _standin.SetDelay(StandinLatency);
    }

    /// <summary>LiteLLM goes away: its port refuses connections until <see cref="StartStandinAsync"/>.</summary>
    public async Task StopStandinAsync()
    {
        if (_standin is null) return;
        await _standin.DisposeAsync();
        _standin = null;
    }

    public HttpClient CreateClient(int webApi, string? token = null)
    {
        var client = new HttpClient { BaseAddress = WebApiAddresses[webApi], Timeout = TimeSpan.FromSeconds(90) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>Silos that are Active in the membership table (status 3).</summary>
    public async Task<int> ActiveSiloCountAsync()
    {
        await using var db = new MySqlConnection(ConnectionString);
        return await db.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM OrleansMembershipTable WHERE DeploymentId = @ClusterId AND Status = 3", new { ClusterId });
    }

    /// <summary>How many lines of the web tiers' logs (WebApis and hubs) contain <paramref name="text"/>.</summary>
    public int WebApiLogLines(string text) => _webApis.Concat(_hubs).Sum(p => p.LogLines(text));

    /// <summary>Every process's last lines, for a failure message.</summary>
    public string Logs() =>
        string.Join("\n", Processes.Select(p => $"---- {p.Name} ({p.LogPath})\n{p.LogTail(15)}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Processes.Reverse()) process.Dispose();
        await StopStandinAsync();
        if (!KeepLogs) Directory.Delete(LogFolder, recursive: true);
    }

    private void AddSilo(int index) => _silos.Add(new HubProcess($"silo-{index}", HubProcess.SiloDll, Common(SiloSettings(new()
    {
        ["LiteLLM__BaseUrl"] = "",
        ["LiteLLM__MasterKey"] = "",
    })), LogFolder));

    private Uri AddWebApi(int index)
    {
        var address = new Uri($"http://127.0.0.1:{_ports.Dequeue()}");
        _webApis.Add(new HubProcess($"webapi-{index}", HubProcess.WebApiDll, Common(WebSettings(address, [])), LogFolder));
        return address;
    }

    /// <summary>
    /// A single-process hub: silo and web settings together. Its silo part uses the stand-in's master
    /// key too, as its web part forwards with it; the stand-in keeps every key it made while it runs.
    /// </summary>
    private Uri AddHub(int index)
    {
        var address = new Uri($"http://127.0.0.1:{_ports.Dequeue()}");
        _hubs.Add(new HubProcess($"hub-{index}", HubProcess.HubDll, Common(WebSettings(address, SiloSettings([]))), LogFolder));
        return address;
    }

    private Dictionary<string, string> SiloSettings(Dictionary<string, string> settings)
    {
        settings["Cluster__SiloPort"] = _ports.Dequeue().ToString();
        settings["Cluster__GatewayPort"] = _ports.Dequeue().ToString();
        settings["Recording__FlushInterval"] = FlushInterval;
        settings["Limits__PersistInterval"] = PersistInterval.ToString("c");
        return settings;
    }

    private Dictionary<string, string> WebSettings(Uri address, Dictionary<string, string> settings)
    {
        settings["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        settings["Jwt__SigningKey"] = HubWebApp.JwtKey;
        settings["Admin__Email"] = AdminEmail;
        settings["Admin__Password"] = AdminPassword;
        settings["LiteLLM__BaseUrl"] = StandinUrl;
        settings["LiteLLM__MasterKey"] = StandinOptions.DefaultMasterKey;
        settings["LiteLLM__ProxyTimeout"] = "00:00:05";
        return settings;
    }

    private Dictionary<string, string> Common(Dictionary<string, string> settings)
    {
        settings["ConnectionStrings__MySql"] = ConnectionString;
        settings["Cluster__Id"] = ClusterId;
        settings["Cluster__ServiceId"] = "oneaihub-faults";
        settings["DOTNET_ENVIRONMENT"] = "Production";
        settings["ASPNETCORE_ENVIRONMENT"] = "Production";
        settings["Logging__LogLevel__Default"] = "Information";
        settings["Logging__LogLevel__Microsoft"] = "Warning";
        settings["Logging__LogLevel__Orleans"] = "Warning";
        return settings;
    }

    private static List<int> DistinctFreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            foreach (var listener in listeners) listener.Start();
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToList();
        }
        finally
        {
            foreach (var listener in listeners) listener.Stop();
        }
    }

    private async Task WaitUntilReadyAsync(int silos, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        while (true)
        {
            var ready = await ActiveSiloCountAsync() == silos;
            foreach (var address in WebApiAddresses)
                ready = ready && await AdminCanSignInAsync(http, address);
            if (ready) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The process cluster did not start in {timeout}.\n{Logs()}");
            await Task.Delay(500);
        }
    }

    private static async Task<bool> AdminCanSignInAsync(HttpClient http, Uri address)
    {
        try
        {
            var health = await http.GetAsync(new Uri(address, "/health/ready"));
            if (!health.IsSuccessStatusCode) return false;
            var login = await http.PostAsJsonAsync(new Uri(address, "/api/auth/login"), new { email = AdminEmail, password = AdminPassword });
            return login.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }
}
