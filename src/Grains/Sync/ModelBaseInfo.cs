using System.Text.Json;

namespace OneAIHub.Grains.Sync;

/// <summary>
/// The columns of a <c>models</c> row that the sync owns. Two values are equal exactly when the sync has nothing to
/// write (prices compare by value, so <c>2.5</c> equals the column's <c>2.50000000</c>).
/// </summary>
public sealed record ModelBaseInfo(
    string CompanyId,
    string Name,
    string? Mode,
    int? ContextWindow,
    int? MaxOutputTokens,
    string Features,
    decimal? InputPrice,
    decimal? OutputPrice,
    bool IsAvailable)
{
    public static ModelBaseInfo Of(UpstreamModel model, string companyId) => new(
        companyId, model.Name, model.Mode, model.ContextWindow, model.MaxOutputTokens, FeaturesJson(model.Capabilities),
        model.InputPricePerMillion, model.OutputPricePerMillion, IsAvailable: true);

    public static ModelBaseInfo Of(CatalogSyncSession.ModelRow row) => new(
        row.company_id, row.name, row.mode, row.context_window, row.max_output_tokens, FeaturesJson(ParseFeatures(row.features)),
        row.litellm_input_price, row.litellm_output_price, row.is_available);

    private static string FeaturesJson(IEnumerable<string> features) => JsonSerializer.Serialize(features);

    private static IReadOnlyList<string> ParseFeatures(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try { return JsonSerializer.Deserialize<List<string>>(json) ?? []; }
        catch (JsonException) { return []; }
    }
}
