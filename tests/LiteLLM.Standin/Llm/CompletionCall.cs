using System.Text.Json.Nodes;
using OneAIHub.Tests.LiteLLMStandin.Http;
using OneAIHub.Tests.LiteLLMStandin.State;

namespace OneAIHub.Tests.LiteLLMStandin.Llm;

/// <summary>Which OpenAI completion API a call uses.</summary>
internal enum CompletionApi
{
    Chat,
    Text,
}

/// <summary>One <c>/chat/completions</c> or <c>/completions</c> call, streaming or not.</summary>
internal static class CompletionCall
{
    public static async Task<IResult> RunAsync(HttpContext context, StandinState state, CompletionApi api, string? pathModel)
    {
        var route = api == CompletionApi.Chat ? "/chat/completions" : "/completions";
        var body = await JsonRead.BodyAsync(context.Request);
        var call = LlmGate.Admit(context, state, body, route, pathModel);

        if (call.Deployment.Mode is not ("chat" or "completion" or "responses"))
        {
            return LiteLLMErrors.Proxy(
                StatusCodes.Status400BadRequest,
                $"litellm.BadRequestError: {call.Deployment.Provider} does not support {route} for model={call.Deployment.ProviderModel} (mode={call.Deployment.Mode})",
                "invalid_request_error");
        }

        string prompt;
        int promptTokens;
        if (api == CompletionApi.Chat)
        {
            if (body["messages"] is not JsonArray { Count: > 0 } messages)
            {
                return LiteLLMErrors.Proxy(StatusCodes.Status400BadRequest, "litellm.BadRequestError: messages is a required field and must be a non-empty list", "invalid_request_error", "messages");
            }

            prompt = SyntheticLlm.LastUserText(messages);
            promptTokens = SyntheticLlm.ChatPromptTokens(messages);
        }
        else
        {
            if (body["prompt"] is not { } promptNode)
            {
                return LiteLLMErrors.Proxy(StatusCodes.Status400BadRequest, "litellm.BadRequestError: prompt is a required field", "invalid_request_error", "prompt");
            }

            prompt = PromptText(promptNode);
            promptTokens = PromptTokens(promptNode);
        }

        var reply = SyntheticLlm.Answer(prompt, JsonRead.Long(body["max_completion_tokens"]) ?? JsonRead.Long(body["max_tokens"]), JsonRead.String(body["mock_response"]));
        var id = (api == CompletionApi.Chat ? "chatcmpl-" : "cmpl-") + Guid.NewGuid();
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var callType = api == CompletionApi.Chat ? "acompletion" : "atext_completion";
        if (JsonRead.Bool(body["stream"]) == true)
        {
            var includeUsage = JsonRead.Bool((body["stream_options"] as JsonObject)?["include_usage"]) == true;
            var events = api == CompletionApi.Chat
                ? CompletionPayloads.ChatChunks(id, created, call.ModelGroup, reply, promptTokens, includeUsage)
                : CompletionPayloads.TextChunks(id, created, call.ModelGroup, reply, promptTokens, includeUsage);
            LlmLedger.ApplyHeaders(context.Response, state, call, null, null);
            await SseStream.WriteAsync(context, state, events, () => LlmLedger.Record(state, call, context, body, callType, id, promptTokens, reply.Tokens));
            return Results.Empty;
        }

        var (cost, keySpend) = LlmLedger.Record(state, call, context, body, callType, id, promptTokens, reply.Tokens);
        LlmLedger.ApplyHeaders(context.Response, state, call, cost, keySpend);
        return JsonOut.Ok(api == CompletionApi.Chat
            ? CompletionPayloads.ChatCompletion(id, created, call.ModelGroup, reply, promptTokens)
            : CompletionPayloads.TextCompletion(id, created, call.ModelGroup, reply, promptTokens));
    }

    /// <summary>A completions <c>prompt</c>: a string, a list of strings, or token arrays (counted, echoed as numbers).</summary>
    private static string PromptText(JsonNode prompt) => prompt switch
    {
        JsonArray items => string.Join(' ', items.Select(i => i is JsonArray tokens ? string.Join(' ', tokens) : JsonRead.String(i) ?? i?.ToJsonString() ?? "")),
        _ => JsonRead.String(prompt) ?? "",
    };

    private static int PromptTokens(JsonNode prompt) => prompt switch
    {
        JsonArray items when items.All(i => i is JsonValue v && JsonRead.Double(v) is not null) => items.Count,
        JsonArray items => items.Sum(i => i is JsonArray tokens ? tokens.Count : SyntheticLlm.Words(JsonRead.String(i))),
        _ => SyntheticLlm.Words(JsonRead.String(prompt)),
    };
}
