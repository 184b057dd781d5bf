using OneAIHub.Grains.Interfaces.LiteLLM;
using Orleans.Concurrency;

namespace OneAIHub.Grains.LiteLLM;

/// <summary>Answers the WebApi's readiness probe about LiteLLM from the silo that holds the client and its master key.</summary>
[StatelessWorker]
[GrainType("litellm-health")]
public sealed class LiteLLMHealthGrain(ILiteLLMClient liteLLM) : Grain, ILiteLLMHealthGrain
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public async Task<LiteLLMHealthReport> CheckAsync()
    {
        if (!liteLLM.IsConfigured)
            return new LiteLLMHealthReport(false, false, "LiteLLM is not configured (LiteLLM:BaseUrl is empty); the catalog cannot sync and /v1 calls fail.");
        try
        {
            using var timeout = new CancellationTokenSource(ProbeTimeout);
            var readiness = await liteLLM.GetReadinessAsync(timeout.Token);
            return new LiteLLMHealthReport(true, true, $"LiteLLM {readiness.LitellmVersion} is ready ({readiness.Status}).");
        }
        catch (LiteLLMException ex)
        {
            return new LiteLLMHealthReport(true, false, $"LiteLLM is not ready: {ex.Message}");
        }
        catch (OperationCanceledException)
        {
            return new LiteLLMHealthReport(true, false, $"LiteLLM did not answer its readiness check within {ProbeTimeout.TotalSeconds:0} s.");
        }
    }
}
