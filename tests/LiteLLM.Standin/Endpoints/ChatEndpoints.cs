using OneAIHub.Tests.LiteLLMStandin.Llm;
using OneAIHub.Tests.LiteLLMStandin.State;

namespace OneAIHub.Tests.LiteLLMStandin.Endpoints;

/// <summary><c>POST /chat/completions</c>, <c>POST /completions</c> and their aliases (CONTRACT.md §4.1–4.2).</summary>
internal static class ChatEndpoints
{
    public static IEndpointRouteBuilder MapChatEndpoints(this IEndpointRouteBuilder app)
    {
        foreach (var (api, suffix) in new[] { (CompletionApi.Chat, "chat/completions"), (CompletionApi.Text, "completions") })
        {
            foreach (var prefix in new[] { "/", "/v1/" })
            {
                app.MapPost(prefix + suffix, (HttpContext context, StandinState state) => CompletionCall.RunAsync(context, state, api, null));
            }

            foreach (var prefix in new[] { "/engines/{model}/", "/openai/deployments/{model}/" })
            {
                app.MapPost(prefix + suffix, (HttpContext context, StandinState state, string model) => CompletionCall.RunAsync(context, state, api, model));
            }
        }

        return app;
    }
}
