using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using OneAIHub.Tests.LiteLLMStandin.Auth;
using OneAIHub.Tests.LiteLLMStandin.Http;
using OneAIHub.Tests.LiteLLMStandin.State;

namespace OneAIHub.Tests.LiteLLMStandin.Endpoints;

/// <summary><c>/health</c>, <c>/health/liveliness</c>, <c>/health/readiness</c> (CONTRACT.md §10).</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/liveliness", Alive);
        app.MapGet("/health/liveness", Alive);
        app.MapGet("/health/readiness", Readiness);
        app.MapMethods("/health/liveliness", ["OPTIONS"], Options);
        app.MapMethods("/health/liveness", ["OPTIONS"], Options);
        app.MapMethods("/health/readiness", ["OPTIONS"], Options);
        app.MapGet("/health", Health);
        return app;
    }

    private static IResult Alive() => JsonOut.Ok(JsonValue.Create("I'm alive!"));

    private static IResult Options(HttpContext context)
    {
        context.Response.Headers.Allow = "GET, OPTIONS";
        return Results.Ok();
    }

    private static IResult Readiness() => JsonOut.Ok(new JsonObject
    {
        ["status"] = "connected",
        ["db"] = "connected",
        ["cache"] = null,
        ["litellm_version"] = StandinState.LiteLLMVersion,
        ["success_callbacks"] = JsonOut.Strings(["_PROXY_track_cost_callback", "ServiceLogging"]),
        ["use_aiohttp_transport"] = true,
        ["log_level"] = "WARNING",
        ["is_detailed_debug"] = false,
        ["last_updated"] = JsonOut.NaiveIsoTime(DateTimeOffset.UtcNow),
    });

    /// <summary>Every deployment is healthy unless test control marked its group unhealthy.</summary>
    private static IResult Health(HttpContext context, StandinState state, string? model, [FromQuery(Name = "model_id")] string? modelId)
    {
        Authenticator.Require(context, state);

        var deployments = state.Models.All().Where(m => (model is null || m.ModelName == model) && (modelId is null || m.Id == modelId)).ToList();
        if (modelId is not null && deployments.Count == 0)
        {
            return LiteLLMErrors.DetailError(StatusCodes.Status404NotFound, $"Model with ID {modelId} not found");
        }

        var healthy = new JsonArray();
        var unhealthy = new JsonArray();
        foreach (var deployment in deployments)
        {
            var entry = new JsonObject { ["model"] = deployment.LitellmModel, ["api_base"] = deployment.ApiBase, ["model_id"] = deployment.Id };
            if (state.Models.UnhealthyError(deployment.ModelName) is { } problem)
            {
                entry["error"] = problem;
                unhealthy.Add(entry);
            }
            else
            {
                healthy.Add(entry);
            }
        }

        return JsonOut.Ok(new JsonObject
        {
            ["healthy_endpoints"] = healthy,
            ["unhealthy_endpoints"] = unhealthy,
            ["healthy_count"] = healthy.Count,
            ["unhealthy_count"] = unhealthy.Count,
        });
    }
}
