using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using OneAIHub.Tests.LiteLLMStandin.Http;
using OneAIHub.Tests.LiteLLMStandin.Llm;
using OneAIHub.Tests.LiteLLMStandin.State;

namespace OneAIHub.Tests.LiteLLMStandin.Endpoints;

/// <summary><c>POST /embeddings</c> and its aliases (CONTRACT.md §4.3).</summary>
internal static class EmbeddingEndpoints
{
    private const int DefaultDimensions = 1536;

    public static IEndpointRouteBuilder MapEmbeddingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/embeddings", (HttpContext context, StandinState state) => EmbedAsync(context, state, null));
        app.MapPost("/v1/embeddings", (HttpContext context, StandinState state) => EmbedAsync(context, state, null));
        app.MapPost("/engines/{model}/embeddings", (HttpContext context, StandinState state, string model) => EmbedAsync(context, state, model));
        app.MapPost("/openai/deployments/{model}/embeddings", (HttpContext context, StandinState state, string model) => EmbedAsync(context, state, model));
        return app;
    }

    private static async Task<IResult> EmbedAsync(HttpContext context, StandinState state, string? pathModel)
    {
        var body = await JsonRead.BodyAsync(context.Request);
        var call = LlmGate.Admit(context, state, body, "/embeddings", pathModel);

        if (call.Deployment.Mode != "embedding")
        {
            return LiteLLMErrors.Proxy(
                StatusCodes.Status400BadRequest,
                $"litellm.BadRequestError: {call.Deployment.Provider} does not support /embeddings for model={call.Deployment.ProviderModel} (mode={call.Deployment.Mode})",
                "invalid_request_error");
        }

        var inputs = Inputs(body["input"]);
        if (inputs.Count == 0)
        {
            return LiteLLMErrors.Proxy(StatusCodes.Status400BadRequest, "litellm.BadRequestError: input is a required field and must not be empty", "invalid_request_error", "input");
        }

        var dimensions = (int)(JsonRead.Long(body["dimensions"]) ?? call.Deployment.OutputVectorSize ?? DefaultDimensions);
        var base64 = JsonRead.String(body["encoding_format"]) == "base64";
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = SyntheticLlm.Embedding(inputs[i].Text, dimensions);
            data.Add(new JsonObject
            {
                ["object"] = "embedding",
                ["index"] = i,
                ["embedding"] = base64
                    ? Convert.ToBase64String(MemoryMarshal.AsBytes(vector.AsSpan()))
                    : new JsonArray(vector.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
            });
        }

        var promptTokens = inputs.Sum(i => i.Tokens);
        var (cost, keySpend) = LlmLedger.Record(state, call, context, body, "aembedding", call.CallId, promptTokens, 0);
        LlmLedger.ApplyHeaders(context.Response, state, call, cost, keySpend);
        return JsonOut.Ok(new JsonObject
        {
            ["model"] = call.ModelGroup,
            ["data"] = data,
            ["object"] = "list",
            ["usage"] = new JsonObject { ["prompt_tokens"] = promptTokens, ["total_tokens"] = promptTokens, ["completion_tokens"] = 0 },
        });
    }

    /// <summary><c>input</c>: a string, a list of strings, a token array, or a list of token arrays.</summary>
    private static List<(string Text, int Tokens)> Inputs(JsonNode? input) => input switch
    {
        JsonArray items when items.Count > 0 && items.All(i => JsonRead.Double(i) is not null) => [(items.ToJsonString(), items.Count)],
        JsonArray items => items.Select(i => i is JsonArray tokens
            ? (tokens.ToJsonString(), tokens.Count)
            : (JsonRead.String(i) ?? "", SyntheticLlm.Words(JsonRead.String(i)))).ToList(),
        _ when JsonRead.String(input) is { } text => [(text, SyntheticLlm.Words(text))],
        _ => [],
    };
}
