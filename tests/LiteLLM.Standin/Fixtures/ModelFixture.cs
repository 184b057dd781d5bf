using System.Text.Json.Nodes;
using OneAIHub.Tests.LiteLLMStandin.Http;

namespace OneAIHub.Tests.LiteLLMStandin.Fixtures;

/// <summary>One <c>model_list</c> entry of <c>fixtures/models.json</c> with its price-map entry.</summary>
internal sealed record FixtureModel(string ModelName, JsonObject LitellmParams, JsonObject? ModelInfo, string? CostMapKey, JsonObject? CostMapEntry);

/// <summary>
/// Loads <c>fixtures/models.json</c>: a LiteLLM-config-like <c>model_list</c> whose <c>cost_map_entry</c> values are
/// copied verbatim from LiteLLM's <c>model_prices_and_context_window.json</c>.
/// </summary>
internal sealed class ModelFixture
{
    private const string ResourceName = "LiteLLM.Standin.fixtures.models.json";

    private ModelFixture(IReadOnlyList<FixtureModel> models) => Models = models;

    public IReadOnlyList<FixtureModel> Models { get; }

    /// <summary>Loads from <paramref name="path"/> when given, else from the copy embedded in this assembly.</summary>
    public static ModelFixture Load(string? path)
    {
        using var stream = path is null
            ? typeof(ModelFixture).Assembly.GetManifestResourceStream(ResourceName)
              ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.")
            : File.OpenRead(path);
        var root = JsonNode.Parse(stream) as JsonObject ?? throw new InvalidOperationException("models.json must be a JSON object.");
        var list = root["model_list"] as JsonArray ?? throw new InvalidOperationException("models.json has no model_list array.");
        var models = list.OfType<JsonObject>().Select(Parse).ToList();
        return new ModelFixture(models);
    }

    /// <summary>The price-map entry for a LiteLLM model string, tried as given, without its provider prefix, then as <paramref name="baseModel"/>.</summary>
    public (string Key, JsonObject Entry)? FindCostEntry(string litellmModel, string? baseModel)
    {
        foreach (var candidate in Candidates(litellmModel, baseModel))
        {
            var match = Models.FirstOrDefault(m => m.CostMapKey is not null && m.CostMapEntry is not null
                && string.Equals(m.CostMapKey, candidate, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                return (match.CostMapKey!, (JsonObject)match.CostMapEntry!.DeepClone());
            }
        }

        return null;
    }

    private static IEnumerable<string> Candidates(string litellmModel, string? baseModel)
    {
        yield return litellmModel;
        var slash = litellmModel.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            yield return litellmModel[(slash + 1)..];
        }

        if (baseModel is not null)
        {
            yield return baseModel;
        }
    }

    private static FixtureModel Parse(JsonObject item) => new(
        JsonRead.String(item["model_name"]) ?? throw new InvalidOperationException("model_list entry without model_name."),
        item["litellm_params"] as JsonObject ?? throw new InvalidOperationException("model_list entry without litellm_params."),
        item["model_info"] as JsonObject,
        JsonRead.String(item["cost_map_key"]),
        item["cost_map_entry"] as JsonObject);
}
