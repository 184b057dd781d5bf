using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OneAIHub.Tests.LiteLLMStandin.Http;
using OneAIHub.Tests.LiteLLMStandin.State;

namespace OneAIHub.Tests.LiteLLMStandin.Endpoints;

/// <summary>
/// Test control, NOT part of LiteLLM, under <c>/__standin</c>. The same operations are methods of
/// <see cref="LiteLLMStandinServer"/>; README.md lists the bodies.
/// </summary>
internal static class ControlEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static IEndpointRouteBuilder MapControlEndpoints(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup(ControlPaths.Prefix);
        control.MapPost("/reset", (StandinState state) => Done(state.Reset));
        control.MapGet("/requests", (StandinState state) => Results.Json(state.Journal.Snapshot(), Json));
        control.MapDelete("/requests", (StandinState state) => Done(state.Journal.Clear));
        control.MapPost("/faults", async (HttpRequest request, StandinState state) =>
        {
            var fault = await request.ReadFromJsonAsync<StandinFault>(Json, request.HttpContext.RequestAborted)
                ?? throw new BadHttpRequestException("A fault body is required.");
            return Done(() => state.Faults.Add(fault));
        });
        control.MapDelete("/faults", (StandinState state) => Done(state.Faults.Clear));
        control.MapPost("/delay", async (HttpRequest request, StandinState state) =>
        {
            var body = await JsonRead.BodyAsync(request);
            var perRequest = TimeSpan.FromMilliseconds(JsonRead.Double(body["request_ms"]) ?? 0);
            var perChunk = TimeSpan.FromMilliseconds(JsonRead.Double(body["chunk_ms"]) ?? 0);
            return Done(() => state.Faults.SetDelays(perRequest, perChunk));
        });
        control.MapPost("/models", async (HttpRequest request, StandinState state) =>
        {
            var spec = await request.ReadFromJsonAsync<StandinModelSpec>(Json, request.HttpContext.RequestAborted)
                ?? throw new BadHttpRequestException("A model body is required.");
            return JsonOut.Ok(new JsonObject { ["id"] = state.Models.Add(spec).Id }, StatusCodes.Status201Created);
        });
        control.MapPatch("/models/{modelName}", async (string modelName, HttpRequest request, StandinState state) =>
            state.Models.UpdateCostEntry(modelName, await JsonRead.BodyAsync(request)) ? Results.NoContent() : Results.NotFound());
        control.MapDelete("/models/{modelName}", (string modelName, StandinState state) =>
            state.Models.RemoveGroup(modelName) > 0 ? Results.NoContent() : Results.NotFound());
        control.MapPut("/health/{modelName}", async (string modelName, HttpRequest request, StandinState state) =>
        {
            var body = await JsonRead.BodyAsync(request);
            return Done(() => state.Models.SetUnhealthy(modelName, JsonRead.String(body["error"]) ?? "litellm.APIConnectionError: stand-in marked unhealthy"));
        });
        control.MapDelete("/health/{modelName}", (string modelName, StandinState state) => Done(() => state.Models.SetUnhealthy(modelName, null)));
        control.MapPost("/settings", async (HttpRequest request, StandinState state) =>
        {
            var body = await JsonRead.BodyAsync(request);
            return Done(() =>
            {
                lock (state.Gate)
                {
                    state.BudgetExceededStatus = (int)(JsonRead.Long(body["budget_exceeded_status"]) ?? state.BudgetExceededStatus);
                }
            });
        });
        return app;
    }

    private static IResult Done(Action action)
    {
        action();
        return Results.NoContent();
    }
}
