using System.Text.Json.Nodes;

namespace OneAIHub.Tests.LiteLLMStandin;

/// <summary>
/// A deployment to add at run time, like a <c>model_list</c> entry of LiteLLM's config.
/// <paramref name="CostMapEntry"/> is a <c>model_prices_and_context_window.json</c> entry; when null the stand-in
/// uses the fixture entry whose key matches <paramref name="LitellmModel"/> (with or without provider prefix), if any.
/// </summary>
public sealed record StandinModelSpec(
    string ModelName,
    string LitellmModel,
    JsonObject? CostMapEntry = null,
    string? ApiBase = null,
    string? Id = null);
