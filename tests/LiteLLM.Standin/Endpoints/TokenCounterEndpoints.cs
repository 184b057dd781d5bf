using System.Text.Json.Nodes;
using OneAIHub.Tests.LiteLLMStandin.Auth;
using OneAIHub.Tests.LiteLLMStandin.Http;
using OneAIHub.Tests.LiteLLMStandin.Llm;
using OneAIHub.Tests.LiteLLMStandin.State;

namespace OneAIHub.Tests.LiteLLMStandin.Endpoints;

/// <summary><c>POST /utils/token_counter</c> (CONTRACT.md §4.4), counting with the stand-in's word rule.</summary>
internal static class TokenCounterEndpoints
{
    public static IEndpointRouteBuilder MapTokenCounterEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/utils/token_counter", CountAsync);
        return app;
    }

    private static async Task<IResult> CountAsync(HttpContext context, StandinState state)
    {
        Authenticator.Require(context, state);

        var body = await JsonRead.BodyAsync(context.Request);
        int tokens;
        if (body["messages"] is JsonArray messages)
        {
            tokens = SyntheticLlm.ChatPromptTokens(messages);
        }
        else if (JsonRead.String(body["prompt"]) is { } prompt)
        {
            tokens = SyntheticLlm.Words(prompt);
        }
        else if (body["contents"] is JsonArray contents)
        {
            tokens = contents.OfType<JsonObject>()
                .SelectMany(c => (c["parts"] as JsonArray ?? []).OfType<JsonObject>())
                .Sum(p => SyntheticLlm.Words(JsonRead.String(p["text"])));
        }
        else
        {
            return LiteLLMErrors.Detail(StatusCodes.Status400BadRequest, "prompt or messages or contents must be provided");
        }

        var requested = JsonRead.String(body["model"]) ?? "";
        var deployment = state.Models.FindGroup(requested);
        var openAi = deployment is null || deployment.Provider is "openai" or "azure" or "text-completion-openai";
        return JsonOut.Ok(new JsonObject
        {
            ["total_tokens"] = tokens,
            ["request_model"] = requested,
            ["model_used"] = deployment?.ProviderModel ?? requested,
            ["tokenizer_type"] = openAi ? "openai_tokenizer" : "huggingface_tokenizer",
            ["original_response"] = null,
            ["error"] = false,
            ["error_message"] = null,
            ["status_code"] = null,
        });
    }
}
