namespace OneAIHub.WebApi.Proxy;

/// <summary>How a forwarded request ended, as settlement needs it.</summary>
public sealed record RelayResult(int StatusCode, Usage? Usage, string? StreamedText, bool UpstreamFailed, bool ClientDisconnected, string? ErrorType)
{
    public bool Succeeded => StatusCode is >= 200 and < 300 && !UpstreamFailed;
}
