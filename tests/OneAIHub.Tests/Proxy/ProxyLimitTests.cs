using System.Net;
using OneAIHub.Tests.Infrastructure;

namespace OneAIHub.Tests.Proxy;

[Collection(HubCollection.Name)]
public sealed class ProxyLimitTests(HubFixture hub)
{
    [Fact]
    public async Task Chat_SixthRequestOfFivePerMinuteTier_Gets429WithRateLimitHeaders()
    {
        var model = await TestCatalog.AddModelAsync(hub, 1m, 1m, new TierLimits(TestCatalog.FreeTier, 5, 100, 100000, 1000000));
        var user = await TestAccounts.CreateAsync(hub, TestCatalog.FreeTier, 0m);
        using var client = hub.CreateClient();

        var remaining = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var ok = await client.SendAsync(ProxyHttp.Chat(user.ApiKey, model));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            remaining.Add(ProxyHttp.Header(ok, "x-ratelimit-remaining-requests"));
        }
        var refused = await client.SendAsync(ProxyHttp.Chat(user.ApiKey, model));

        Assert.Equal(["4", "3", "2", "1", "0"], remaining);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var error = await ProxyHttp.ErrorAsync(refused);
        Assert.Equal("rate_limit_error", error.GetProperty("type").GetString());
        Assert.Equal("rate_limit_exceeded", error.GetProperty("code").GetString());
        Assert.Equal("5", ProxyHttp.Header(refused, "x-ratelimit-limit-requests"));
        Assert.Equal("0", ProxyHttp.Header(refused, "x-ratelimit-remaining-requests"));
        Assert.NotEmpty(ProxyHttp.Header(refused, "x-ratelimit-reset-requests"));
        Assert.NotEmpty(ProxyHttp.Header(refused, "x-ratelimit-limit-tokens"));
        Assert.NotEmpty(ProxyHttp.Header(refused, "x-ratelimit-remaining-tokens"));
        Assert.NotEmpty(ProxyHttp.Header(refused, "x-ratelimit-reset-tokens"));
        var retryAfter = int.Parse(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ToString("0"));
        Assert.InRange(retryAfter, 1, 60);
    }

    [Fact]
    public async Task Chat_TokensPerMinuteUsedUp_Gets429AndOversizedReservationIsRequestTooLarge()
    {
        var model = await TestCatalog.AddModelAsync(hub, 1m, 1m, new TierLimits(TestCatalog.FreeTier, 100, 1000, 150, 100000));
        var user = await TestAccounts.CreateAsync(hub, TestCatalog.FreeTier, 0m);
        using var client = hub.CreateClient();
        var longPrompt = string.Join(' ', Enumerable.Repeat("word", 60));

        var first = await client.SendAsync(ProxyHttp.Chat(user.ApiKey, model, longPrompt, maxTokens: 10));
        var second = await client.SendAsync(ProxyHttp.Chat(user.ApiKey, model, longPrompt, maxTokens: 10));
        var tooLarge = await client.SendAsync(ProxyHttp.Chat(user.ApiKey, model, "hi", maxTokens: 500));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("rate_limit_exceeded", (await ProxyHttp.ErrorAsync(second)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.TooManyRequests, tooLarge.StatusCode);
        Assert.Equal("request_too_large", (await ProxyHttp.ErrorAsync(tooLarge)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Chat_HundredConcurrentOnOneKeyAcrossTwoWebApis_AdmitsExactlySixty()
    {
        var model = await TestCatalog.AddModelAsync(hub, 0.1m, 0.1m, new TierLimits(TestCatalog.StarterTier, 60, 10000, 10_000_000, 100_000_000));
        var user = await TestAccounts.CreateAsync(hub, TestCatalog.StarterTier, 10m);
        var second = await hub.SecondWebApiAsync();
        using var a = hub.CreateClient();
        using var b = new HttpClient { BaseAddress = second };

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            (i % 2 == 0 ? a : b).SendAsync(ProxyHttp.Chat(user.ApiKey, model, maxTokens: 5))));

        Assert.Equal(60, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(40, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
    }
}
