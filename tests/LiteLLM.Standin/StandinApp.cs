using OneAIHub.Tests.LiteLLMStandin.Endpoints;
using OneAIHub.Tests.LiteLLMStandin.Http;
using OneAIHub.Tests.LiteLLMStandin.State;

namespace OneAIHub.Tests.LiteLLMStandin;

/// <summary>Builds the stand-in's web application: state, middleware and every route.</summary>
internal static class StandinApp
{
    public static WebApplication Build(StandinOptions options, string[] args, Action<WebApplicationBuilder> configure)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(StandinApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Services.AddSingleton(new StandinState(options));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        configure(builder);

        var app = builder.Build();
        app.UseMiddleware<RecordingMiddleware>();
        app.UseMiddleware<LiteLLMErrorMiddleware>();
        app.UseMiddleware<FaultMiddleware>();
        app.MapModelEndpoints()
            .MapModelManagementEndpoints()
            .MapChatEndpoints()
            .MapEmbeddingEndpoints()
            .MapTokenCounterEndpoints()
            .MapKeyEndpoints()
            .MapSpendEndpoints()
            .MapSpendReportEndpoints()
            .MapBudgetEndpoints()
            .MapHealthEndpoints()
            .MapControlEndpoints();
        return app;
    }
}
