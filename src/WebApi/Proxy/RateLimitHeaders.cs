using System.Globalization;
using OneAIHub.Grains.Interfaces.Limits;

namespace OneAIHub.WebApi.Proxy;

/// <summary>OpenAI's <c>x-ratelimit-*</c> headers (minute windows) and <c>Retry-After</c>.</summary>
public static class RateLimitHeaders
{
    public static void Apply(HttpResponse response, WindowDecision window, DateTime now)
    {
        var headers = response.Headers;
        headers["x-ratelimit-limit-requests"] = Number(window.RequestsLimit);
        headers["x-ratelimit-remaining-requests"] = Number(window.RequestsRemaining);
        headers["x-ratelimit-reset-requests"] = Duration(window.RequestsResetAt - now);
        headers["x-ratelimit-limit-tokens"] = Number(window.TokensLimit);
        headers["x-ratelimit-remaining-tokens"] = Number(window.TokensRemaining);
        headers["x-ratelimit-reset-tokens"] = Duration(window.TokensResetAt - now);
        if (!window.Admitted && window.RetryAt is { } retryAt)
            headers.RetryAfter = Math.Max(1, (int)Math.Ceiling((retryAt - now).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>-1 (no limit on that measure) is reported as the largest value a client can hold.</summary>
    private static string Number(int value) => (value < 0 ? int.MaxValue : value).ToString(CultureInfo.InvariantCulture);

    /// <summary>OpenAI's duration format: <c>1m2s</c>, <c>6s</c>, <c>350ms</c>.</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        if (span < TimeSpan.FromSeconds(1)) return $"{(int)span.TotalMilliseconds}ms";
        var text = "";
        if (span.Days > 0) text += $"{span.Days}d";
        if (span.Hours > 0) text += $"{span.Hours}h";
        if (span.Minutes > 0) text += $"{span.Minutes}m";
        var seconds = span.Seconds + span.Milliseconds / 1000.0;
        if (seconds > 0) text += seconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
        return text;
    }
}
