using System.Text.Json.Nodes;
using OneAIHub.Tests.LiteLLMStandin.Http;

namespace OneAIHub.Tests.LiteLLMStandin.State;

/// <summary>One deployment (a <c>model_list</c> entry); several may share a model group name.</summary>
internal sealed class StandinModel
{
    public required string ModelName { get; set; }

    public required string Id { get; init; }

    /// <summary>The deployment's <c>litellm_params</c>, in clear (never containing secrets in the fixture).</summary>
    public required JsonObject LitellmParams { get; set; }

    /// <summary>The deployment's own <c>model_info</c> beyond <c>id</c>/<c>db_model</c> (e.g. <c>base_model</c>, <c>mode</c>).</summary>
    public JsonObject OwnModelInfo { get; set; } = [];

    public string? CostMapKey { get; set; }

    public JsonObject? CostMapEntry { get; set; }

    public bool DbModel { get; init; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    public string LitellmModel => Text(LitellmParams, "model") ?? ModelName;

    public string Provider =>
        Text(LitellmParams, "custom_llm_provider")
        ?? Text(CostMapEntry, "litellm_provider")
        ?? (LitellmModel.Contains('/', StringComparison.Ordinal) ? LitellmModel[..LitellmModel.IndexOf('/', StringComparison.Ordinal)] : "openai");

    /// <summary>The model as the provider knows it: the <c>litellm_params.model</c> without its provider prefix.</summary>
    public string ProviderModel =>
        LitellmModel.Contains('/', StringComparison.Ordinal) ? LitellmModel[(LitellmModel.IndexOf('/', StringComparison.Ordinal) + 1)..] : LitellmModel;

    public string Mode => Text(OwnModelInfo, "mode") ?? Text(CostMapEntry, "mode") ?? "chat";

    public string? ApiBase => Text(LitellmParams, "api_base");

    public double InputCostPerToken => Cost("input_cost_per_token");

    public double OutputCostPerToken => Cost("output_cost_per_token");

    public long? OutputVectorSize => Number(OwnModelInfo, "output_vector_size") ?? Number(CostMapEntry, "output_vector_size");

    public long? MaxOutputTokens => Number(OwnModelInfo, "max_output_tokens") ?? Number(CostMapEntry, "max_output_tokens");

    /// <summary>Custom pricing in <c>litellm_params</c> wins over <c>model_info</c>, which wins over the cost map.</summary>
    private double Cost(string field) =>
        Double(LitellmParams, field) ?? Double(OwnModelInfo, field) ?? Double(CostMapEntry, field) ?? 0d;

    private static string? Text(JsonObject? obj, string field) => JsonRead.String(obj?[field]);

    private static double? Double(JsonObject? obj, string field) => JsonRead.Double(obj?[field]);

    private static long? Number(JsonObject? obj, string field) => JsonRead.Long(obj?[field]);
}
