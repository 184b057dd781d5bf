using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace OneAIHub.Grains.LiteLLM;

public static class LiteLLMServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="LiteLLMOptions"/> from <c>LiteLLM:*</c> and registers <see cref="ILiteLLMClient"/> as a typed
    /// <see cref="HttpClient"/> with: a total timeout of <see cref="LiteLLMOptions.Timeout"/>; up to 3 retries with jittered
    /// exponential back-off for transient failures of safe methods only (a POST that creates a key, model or budget is
    /// never repeated); and a circuit breaker that fails fast while LiteLLM keeps failing.
    /// </summary>
    public static IServiceCollection AddLiteLLMClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LiteLLMOptions>()
            .Bind(configuration.GetSection(LiteLLMOptions.Section))
            .Validate(
                o => !o.IsConfigured || (Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"),
                "LiteLLM:BaseUrl must be an absolute http(s) URL.")
            .Validate(o => o.Timeout > TimeSpan.Zero, "LiteLLM:Timeout must be positive.")
            .Validate(o => o.SyncPeriod > TimeSpan.Zero, "LiteLLM:SyncPeriod must be positive.")
            .ValidateOnStart();

        services.AddHttpClient<ILiteLLMClient, LiteLLMClient>((provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<LiteLLMOptions>>().Value;
                if (options.IsConfigured)
                {
                    http.BaseAddress = new Uri(options.BaseUrl!.TrimEnd('/') + "/");
                }

                // The resilience pipeline owns the timeout.
                http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
            })
            .AddResilienceHandler("litellm", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<LiteLLMOptions>>().Value;
                var retry = new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 3,
                    Delay = TimeSpan.FromMilliseconds(200),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldRetryAfterHeader = false,
                };
                retry.DisableForUnsafeHttpMethods();
                pipeline
                    .AddTimeout(options.Timeout)
                    .AddRetry(retry)
                    .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        FailureRatio = 0.5,
                        MinimumThroughput = 10,
                        SamplingDuration = TimeSpan.FromSeconds(30),
                        BreakDuration = TimeSpan.FromSeconds(15),
                    });
            });
        return services;
    }
}
