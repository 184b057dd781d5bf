namespace OneAIHub.Grains.Interfaces.LiteLLM;

/// <summary>Asks LiteLLM's readiness endpoint from a silo (stateless worker, key 0), so the WebApi never calls LiteLLM's management API.</summary>
public interface ILiteLLMHealthGrain : IGrainWithIntegerKey
{
    Task<LiteLLMHealthReport> CheckAsync();
}
