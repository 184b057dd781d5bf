using System.Text.Json.Nodes;
using OneAIHub.Tests.LiteLLMStandin.Auth;
using OneAIHub.Tests.LiteLLMStandin.Http;
using OneAIHub.Tests.LiteLLMStandin.Rendering;
using OneAIHub.Tests.LiteLLMStandin.State;

namespace OneAIHub.Tests.LiteLLMStandin.Endpoints;

/// <summary><c>/model/new</c>, <c>/model/update</c>, <c>/model/delete</c> (CONTRACT.md §3.4–3.6); errors are typed <c>auth_error</c> as in LiteLLM.</summary>
internal static class ModelManagementEndpoints
{
    public static IEndpointRouteBuilder MapModelManagementEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/model/new", NewAsync);
        app.MapPost("/model/update", UpdateAsync);
        app.MapPost("/model/delete", DeleteAsync);
        return app;
    }

    private static async Task<IResult> NewAsync(HttpContext context, StandinState state)
    {
        var caller = Authenticator.Require(context, state, "/model/new");

        var body = await JsonRead.BodyAsync(context.Request);
        if (JsonRead.String(body["model_name"]) is not { } modelName)
        {
            return LiteLLMErrors.MissingField("model_name", body);
        }

        if (body["litellm_params"] is not JsonObject litellmParams || JsonRead.String(litellmParams["model"]) is null)
        {
            return LiteLLMErrors.Validation("missing", ["body", "litellm_params", "model"], "Field required", body["litellm_params"]);
        }

        var modelInfo = (JsonObject?)body["model_info"]?.DeepClone() ?? [];
        var id = JsonRead.String(modelInfo["id"]);
        if (id is not null && state.Models.FindById(id) is not null)
        {
            return LiteLLMErrors.Proxy(StatusCodes.Status400BadRequest, JsonOut.PythonDictRepr("error", $"Model with id={id} already exists"), "auth_error");
        }

        var model = state.Models.AddDbModel(modelName, (JsonObject)litellmParams.DeepClone(), modelInfo, id);
        return JsonOut.Ok(ModelRendering.DbRow(model, Salt(state), caller.UserId ?? StandinState.AdminUserId));
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, StandinState state)
    {
        var caller = Authenticator.Require(context, state, "/model/update");

        var body = await JsonRead.BodyAsync(context.Request);
        if (body["litellm_params"] is not JsonObject litellmParams)
        {
            return LiteLLMErrors.MissingField("litellm_params", body);
        }

        if (JsonRead.String((body["model_info"] as JsonObject)?["id"]) is not { } id)
        {
            return LiteLLMErrors.Validation("missing", ["body", "model_info", "id"], "Field required", body["model_info"]);
        }

        var model = state.Models.FindById(id);
        if (model is null)
        {
            return LiteLLMErrors.Proxy(StatusCodes.Status400BadRequest, JsonOut.PythonDictRepr("error", $"Model with id={id} not found in db"), "auth_error");
        }

        if (!model.DbModel)
        {
            return LiteLLMErrors.Proxy(StatusCodes.Status400BadRequest, "Can't edit model. Model in config. Store model in db via `/model/new`. to edit.", "auth_error");
        }

        state.Models.Edit(id, m =>
        {
            foreach (var (field, value) in litellmParams)
            {
                if (!JsonRead.IsNull(value))
                {
                    m.LitellmParams[field] = value!.DeepClone();
                }
            }

            foreach (var (field, value) in (JsonObject)body["model_info"]!)
            {
                if (field != "id" && !JsonRead.IsNull(value))
                {
                    m.OwnModelInfo[field] = value!.DeepClone();
                }
            }

            m.ModelName = JsonRead.String(body["model_name"]) ?? m.ModelName;
        });

        return JsonOut.Ok(ModelRendering.DbRow(model, Salt(state), caller.UserId ?? StandinState.AdminUserId));
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, StandinState state)
    {
        Authenticator.Require(context, state, "/model/delete");

        var body = await JsonRead.BodyAsync(context.Request);
        if (JsonRead.String(body["id"]) is not { } id)
        {
            return LiteLLMErrors.MissingField("id", body);
        }

        // Config deployments are not in the DB, so LiteLLM answers for them as for an unknown id.
        var model = state.Models.FindById(id);
        if (model is not { DbModel: true } || !state.Models.RemoveById(id))
        {
            return LiteLLMErrors.Proxy(StatusCodes.Status400BadRequest, JsonOut.PythonDictRepr("error", $"Model with id={id} not found in db"), "auth_error");
        }

        return JsonOut.Ok(new JsonObject { ["message"] = $"Model: {id} deleted successfully" });
    }

    private static string Salt(StandinState state) => state.MasterKey ?? "litellm-standin";
}
