using System.Diagnostics.Metrics;

namespace OneAIHub.WebApi.Proxy;

/// <summary>The proxy's meters (exported at /metrics): traffic, latency, tokens, cost, refusals, upstream errors.</summary>
public sealed class ProxyMetrics
{
    public const string MeterName = "OneAIHub.Proxy";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _rejections;
    private readonly Counter<long> _upstreamErrors;
    private readonly Counter<long> _tokens;
    private readonly Histogram<double> _latency;
    private readonly Histogram<double> _overhead;

    public ProxyMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>("oneaihub.proxy.requests", description: "Admitted /v1 requests by model, tier and status");
        _rejections = meter.CreateCounter<long>("oneaihub.proxy.rejections", description: "Refused /v1 requests by reason");
        _upstreamErrors = meter.CreateCounter<long>("oneaihub.proxy.upstream_errors", description: "Upstream failures and timeouts");
        _tokens = meter.CreateCounter<long>("oneaihub.proxy.tokens", description: "Tokens billed by model and direction");
        _latency = meter.CreateHistogram<double>("oneaihub.proxy.duration", "ms", "Total time of a /v1 request");
        _overhead = meter.CreateHistogram<double>("oneaihub.proxy.hub_overhead", "ms", "The hub's time before forwarding (key, estimate, admit)");
    }

    public void Rejected(string reason, string? model) =>
        _rejections.Add(1, new KeyValuePair<string, object?>("reason", reason), new KeyValuePair<string, object?>("model", model ?? ""));

    public void Completed(string model, string? tier, int status, TimeSpan hubTime, TimeSpan total, int inputTokens, int outputTokens, bool upstreamFailed)
    {
        var modelTag = new KeyValuePair<string, object?>("model", model);
        _requests.Add(1, modelTag, new KeyValuePair<string, object?>("tier", tier ?? ""), new KeyValuePair<string, object?>("status", status));
        _latency.Record(total.TotalMilliseconds, modelTag);
        _overhead.Record(hubTime.TotalMilliseconds);
        if (upstreamFailed) _upstreamErrors.Add(1, modelTag, new KeyValuePair<string, object?>("status", status));
        if (inputTokens > 0) _tokens.Add(inputTokens, modelTag, new KeyValuePair<string, object?>("direction", "input"));
        if (outputTokens > 0) _tokens.Add(outputTokens, modelTag, new KeyValuePair<string, object?>("direction", "output"));
    }
}
