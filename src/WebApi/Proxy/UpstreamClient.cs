using System.Net;
using Microsoft.Extensions.Options;

namespace OneAIHub.WebApi.Proxy;

/// <summary>
/// One pooled HTTP invoker to LiteLLM for all /v1 traffic: no proxy, redirects, cookies or
/// decompression, a short connect timeout; responses are read as they arrive, never buffered.
/// </summary>
public sealed class UpstreamClient : IDisposable
{
    private readonly HttpMessageInvoker _invoker;
    private readonly ProxyOptions _options;

    public UpstreamClient(IOptions<ProxyOptions> options)
    {
        _options = options.Value;
        _invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            MaxConnectionsPerServer = int.MaxValue,
            EnableMultipleHttp2Connections = true,
        }, disposeHandler: true);
    }

    public bool IsConfigured => _options.IsConfigured;

    public Uri Url(string path) => new(_options.BaseUrl!.TrimEnd('/') + "/" + path);

    public string? MasterKey => _options.MasterKey;

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _invoker.SendAsync(request, cancellationToken);

    public void Dispose() => _invoker.Dispose();
}
