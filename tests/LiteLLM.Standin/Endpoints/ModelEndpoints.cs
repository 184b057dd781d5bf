using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using OneAIHub.Tests.LiteLLMStandin.Auth;
using OneAIHub.Tests.LiteLLMStandin.Http;
using OneAIHub.Tests.LiteLLMStandin.Rendering;
using OneAIHub.Tests.LiteLLMStandin.State;

namespace OneAIHub.Tests.LiteLLMStandin.Endpoints;

/// <summary>Read-only model routes: <c>/models</c>, <c>/model/info</c>, <c>/model_group/info</c> (CONTRACT.md §3.1–3.3).</summary>
internal static class ModelEndpoints
{
    public static IEndpointRouteBuilder MapModelEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/models", ListModels);
        app.MapGet("/v1/models", ListModels);
        app.MapGet("/models/{modelId}", GetModel);
        app.MapGet("/v1/models/{modelId}", GetModel);
        app.MapGet("/model/info", ModelInfo);
        app.MapGet("/v1/model/info", ModelInfo);
        app.MapGet("/model_group/info", ModelGroupInfo);
        return app;
    }

    private static IResult ListModels(HttpContext context, StandinState state, string? scope, [FromQuery(Name = "include_metadata")] bool? includeMetadata)
    {
        var caller = Authenticator.Require(context, state);

        if (scope is not null && scope != "expand")
        {
            return LiteLLMErrors.Detail(StatusCodes.Status400BadRequest, $"Invalid scope parameter. Only 'expand' is supported. Received: {scope}");
        }

        var data = new JsonArray();
        foreach (var group in Accessible(state, caller).Select(m => m.ModelName).Distinct())
        {
            var item = ModelRendering.ListItem(group, "openai");
            if (includeMetadata == true)
            {
                item["metadata"] = new JsonObject { ["fallbacks"] = new JsonArray() };
            }

            data.Add(item);
        }

        return JsonOut.Ok(new JsonObject { ["data"] = data, ["object"] = "list" });
    }

    private static IResult GetModel(HttpContext context, StandinState state, string modelId)
    {
        var caller = Authenticator.Require(context, state);

        var model = Accessible(state, caller).FirstOrDefault(m => m.ModelName == modelId);
        return model is null
            ? LiteLLMErrors.Detail(StatusCodes.Status404NotFound, $"The following model(s) do not exist or are not accessible: {modelId}")
            : JsonOut.Ok(ModelRendering.ListItem(model.ModelName, model.Provider));
    }

    private static IResult ModelInfo(HttpContext context, StandinState state, [FromQuery(Name = "litellm_model_id")] string? modelId)
    {
        var caller = Authenticator.Require(context, state);

        if (modelId is not null)
        {
            var model = state.Models.FindById(modelId);
            return model is null
                ? LiteLLMErrors.DetailError(StatusCodes.Status400BadRequest, $"Model id = {modelId} not found on litellm proxy")
                : JsonOut.Ok(new JsonObject { ["data"] = new JsonArray(ModelRendering.InfoEntry(model)) });
        }

        if (state.Models.All().Count == 0)
        {
            return LiteLLMErrors.DetailError(
                StatusCodes.Status500InternalServerError,
                "LLM Model List not loaded in. Make sure you passed models in your config.yaml or on the LiteLLM Admin UI.");
        }

        var data = new JsonArray(Accessible(state, caller).Select(m => (JsonNode?)ModelRendering.InfoEntry(m)).ToArray());
        return JsonOut.Ok(new JsonObject { ["data"] = data });
    }

    private static IResult ModelGroupInfo(HttpContext context, StandinState state, [FromQuery(Name = "model_group")] string? modelGroup)
    {
        var caller = Authenticator.Require(context, state);

        var groups = state.Models.All()
            .Where(m => modelGroup is null || m.ModelName == modelGroup)
            .GroupBy(m => m.ModelName)
            .Select(g => (JsonNode?)ModelRendering.GroupInfo(g.Key, g.ToList()))
            .ToArray();
        return JsonOut.Ok(new JsonObject { ["data"] = new JsonArray(groups) });
    }

    /// <summary>Deployments whose group the caller may use: all for the admin or an unrestricted key.</summary>
    private static IEnumerable<StandinModel> Accessible(StandinState state, Caller caller)
    {
        List<string> allowed;
        lock (state.Gate)
        {
            allowed = caller.Key?.Models ?? [];
        }

        var all = state.Models.All();
        return allowed.Count == 0 || allowed.Contains("all-proxy-models") ? all : all.Where(m => allowed.Contains(m.ModelName));
    }
}
