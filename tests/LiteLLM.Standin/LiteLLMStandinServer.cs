using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using OneAIHub.Tests.LiteLLMStandin.State;

namespace OneAIHub.Tests.LiteLLMStandin;

/// <summary>
/// A LiteLLM proxy stand-in on a real Kestrel port, answering as CONTRACT.md describes, with test control
/// (faults, delays, run-time models, request journal) as methods here and under <c>/__standin</c>.
/// </summary>
public sealed class LiteLLMStandinServer : IAsyncDisposable
{
    private const int DefaultPort = 4000;

    private readonly WebApplication _app;
    private readonly StandinState _state;

    private LiteLLMStandinServer(WebApplication app, string baseUrl)
    {
        _app = app;
        _state = app.Services.GetRequiredService<StandinState>();
        BaseUrl = baseUrl;
    }

    /// <summary>e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; }

    /// <summary>The master key, or null when auth is off.</summary>
    public string? MasterKey => _state.MasterKey;

    /// <summary>Requests received on LiteLLM routes, oldest first (bounded by <see cref="StandinOptions.JournalCapacity"/>).</summary>
    public IReadOnlyList<ReceivedRequest> ReceivedRequests => _state.Journal.Snapshot();

    /// <summary>HTTP status of <c>budget_exceeded</c> errors: 400 (LiteLLM 1.82.1, default) or 429 (newer releases).</summary>
    public int BudgetExceededStatus
    {
        get { lock (_state.Gate) { return _state.BudgetExceededStatus; } }
        set { lock (_state.Gate) { _state.BudgetExceededStatus = value; } }
    }

    /// <summary>Starts a stand-in on 127.0.0.1 (<paramref name="port"/> 0 = any free port).</summary>
    public static Task<LiteLLMStandinServer> StartAsync(string masterKey = StandinOptions.DefaultMasterKey, int port = 0) =>
        StartAsync(new StandinOptions { MasterKey = masterKey }, port);

    public static async Task<LiteLLMStandinServer> StartAsync(StandinOptions options, int port = 0)
    {
        var app = StandinApp.Build(options, [], builder =>
        {
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new LiteLLMStandinServer(app, address.TrimEnd('/'));
    }

    /// <summary>Runs as a process: <c>--urls</c> (default <c>http://127.0.0.1:4000</c>), <c>--master-key</c>, <c>--models</c>.</summary>
    public static Task RunAsync(string[] args)
    {
        var app = StandinApp.Build(StandinOptions.FromArgs(args), args, builder =>
        {
            if (string.IsNullOrEmpty(builder.Configuration["urls"]))
            {
                builder.WebHost.UseUrls($"http://127.0.0.1:{DefaultPort}");
            }

            // Per-request logs would dominate benchmark runs.
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        });
        return app.RunAsync();
    }

    /// <summary>Received requests whose path matches <paramref name="path"/> (compared without a leading <c>/v1</c>).</summary>
    public IReadOnlyList<ReceivedRequest> RequestsTo(string path) =>
        ReceivedRequests.Where(r => string.Equals(FaultBook.Normalize(r.Path), FaultBook.Normalize(path), StringComparison.OrdinalIgnoreCase)).ToList();

    public void ClearReceivedRequests() => _state.Journal.Clear();

    /// <summary>Back to the fixture models with no keys, budgets, spend, faults, delays or journal.</summary>
    public void Reset() => _state.Reset();

    /// <summary>Delays every LiteLLM request by <paramref name="perRequest"/> and every stream event by <paramref name="perChunk"/>.</summary>
    public void SetDelay(TimeSpan perRequest, TimeSpan perChunk = default) => _state.Faults.SetDelays(perRequest, perChunk);

    public void AddFault(StandinFault fault) => _state.Faults.Add(fault);

    /// <summary>The next <paramref name="count"/> matching requests get <paramref name="statusCode"/> with a ProxyException body.</summary>
    public void FailNext(int statusCode, int count = 1, string? path = null, string? message = null) =>
        AddFault(new StandinFault(StandinFaultKind.Fail, path, count, statusCode, Message: message));

    /// <summary>Every matching request gets <paramref name="statusCode"/> until <see cref="ClearFaults"/>.</summary>
    public void FailAlways(int statusCode, string? path = null, string? message = null) =>
        AddFault(new StandinFault(StandinFaultKind.Fail, path, null, statusCode, Message: message));

    /// <summary>Matching requests are never answered (<paramref name="count"/> null = all).</summary>
    public void Hang(string? path = null, int? count = null) => AddFault(new StandinFault(StandinFaultKind.Hang, path, count));

    /// <summary>Matching streams lose their connection after <paramref name="afterChunks"/> events.</summary>
    public void DropStreams(int afterChunks, string? path = null, int? count = 1) =>
        AddFault(new StandinFault(StandinFaultKind.DropStream, path, count, AfterChunks: afterChunks));

    /// <summary>Removes all faults and delays.</summary>
    public void ClearFaults() => _state.Faults.Clear();

    /// <summary>Adds a deployment at run time and returns its id.</summary>
    public string AddModel(StandinModelSpec spec) => _state.Models.Add(spec).Id;

    /// <summary>Merges <paramref name="changes"/> (price-map fields, e.g. <c>input_cost_per_token</c>) into a model group's entry.</summary>
    public bool UpdateModel(string modelName, JsonObject changes) => _state.Models.UpdateCostEntry(modelName, changes);

    /// <summary>Removes every deployment of a model group.</summary>
    public bool RemoveModel(string modelName) => _state.Models.RemoveGroup(modelName) > 0;

    /// <summary>Marks a model group unhealthy on <c>/health</c> (<paramref name="error"/> null = healthy again).</summary>
    public void SetModelHealth(string modelName, string? error) => _state.Models.SetUnhealthy(modelName, error);

    /// <summary>Spend recorded for a key (raw <c>sk-</c> key or hash), or null when the key does not exist.</summary>
    public double? KeySpend(string keyOrHash)
    {
        lock (_state.Gate)
        {
            return _state.Keys.Find(keyOrHash)?.Spend;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
