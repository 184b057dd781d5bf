using OneAIHub.Grains.Catalog;
using OneAIHub.Grains.LiteLLM;

namespace OneAIHub.Grains.Sync;

/// <summary>What LiteLLM says about one model group, in the catalog's terms (prices per million tokens).</summary>
public sealed record UpstreamModel(
    string ExternalId,
    string ProviderId,
    string Name,
    string? Mode,
    int? ContextWindow,
    int? MaxOutputTokens,
    IReadOnlyList<string> Capabilities,
    decimal? InputPricePerMillion,
    decimal? OutputPricePerMillion)
{
    /// <summary>
    /// One entry per model group (<c>model_name</c>) of <c>/model/info</c>. A group's facts come from its first deployment
    /// that LiteLLM found in its cost map; LiteLLM balances a group's calls over deployments of the same model.
    /// </summary>
    public static IReadOnlyList<UpstreamModel> ListFrom(IEnumerable<LiteLLMDeployment> deployments) =>
        deployments
            .Where(d => !string.IsNullOrWhiteSpace(d.ModelName))
            // models.external_id is unique under a case-insensitive collation.
            .GroupBy(d => d.ModelName.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g => From(g.Key, g.FirstOrDefault(d => d.ModelInfo.Mode is not null) ?? g.First()))
            .ToList();

    private static UpstreamModel From(string modelName, LiteLLMDeployment deployment)
    {
        var info = deployment.ModelInfo;
        return new UpstreamModel(
            modelName,
            KnownProviders.ProviderOf(deployment),
            ModelDisplayName.From(modelName),
            info.Mode,
            ToInt(info.MaxInputTokens ?? info.MaxTokens),
            ToInt(info.MaxOutputTokens),
            ModelCapabilities.From(info),
            PerMillion(info.InputCostPerToken ?? deployment.LitellmParams.InputCostPerToken),
            PerMillion(info.OutputCostPerToken ?? deployment.LitellmParams.OutputCostPerToken));
    }

    /// <summary>USD per token → USD per million tokens, at the 8 decimals the price columns keep.</summary>
    private static decimal? PerMillion(decimal? perToken) => perToken is { } p ? Math.Round(p * 1_000_000m, 8) : null;

    private static int? ToInt(long? value) => value is { } v ? (int)Math.Clamp(v, 0, int.MaxValue) : null;
}
