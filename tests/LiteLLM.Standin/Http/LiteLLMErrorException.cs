namespace OneAIHub.Tests.LiteLLMStandin.Http;

/// <summary>Ends a request with one of LiteLLM's error bodies; <see cref="LiteLLMErrorMiddleware"/> writes <see cref="Result"/>.</summary>
internal sealed class LiteLLMErrorException(IResult result) : Exception("The stand-in answers with a LiteLLM error.")
{
    public IResult Result { get; } = result;
}

/// <summary>Writes the error of a <see cref="LiteLLMErrorException"/> thrown by a handler.</summary>
internal sealed class LiteLLMErrorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (LiteLLMErrorException e) when (!context.Response.HasStarted)
        {
            await e.Result.ExecuteAsync(context);
        }
    }
}
