using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OneAIHub.Grains.Interfaces.Admin;
using OneAIHub.Grains.Interfaces.Catalog;
using OneAIHub.WebApi.Auth;
using OneAIHub.WebApi.Common;

namespace OneAIHub.WebApi.Admin;

/// <summary>Every model with its admin override; overrides of LiteLLM's prices and flags.</summary>
public static class AdminModelsApi
{
    public static RouteGroupBuilder MapAdminModelsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin: models").RequireAuthorization(AuthSetup.StaffPolicy);
        group.MapGet("/models", ListAsync).WithSummary("Every model, also unavailable, disabled or not offered, with its config");
        group.MapPost("/model-configs", CreateAsync).RequireAuthorization(AuthSetup.AdminPolicy)
            .WithSummary("Override a model's prices and flags (409 when it already has a config)");
        group.MapPut("/model-configs/{modelId}", UpdateAsync).RequireAuthorization(AuthSetup.AdminPolicy)
            .WithSummary("Change a model's override (creates it when the model has none)");
        group.MapDelete("/model-configs/{modelId}", DeleteAsync).RequireAuthorization(AuthSetup.AdminPolicy)
            .WithSummary("Remove a model's override: LiteLLM's prices apply again");
        return group;
    }

    public static async Task<Ok<List<AdminModelDto>>> ListAsync(CatalogCache catalog)
    {
        var index = await catalog.GetAsync();
        return TypedResults.Ok(index.Snapshot.Models
            .Select(m => AdminModelDto.From(index, m))
            .OrderBy(m => m.CompanyName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(m => m.ExternalId, StringComparer.Ordinal)
            .ToList());
    }

    public static async Task<Results<Ok<AdminModelDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ModelConfigRequest request, ClaimsPrincipal user, IGrainFactory grains, CatalogCache catalog)
    {
        var validator = Validate(request).Require("modelId", request.ModelId, "Model", 36);
        if (!validator.IsValid) return Problems.Validation(validator);
        var edit = await grains.GetGrain<IModelConfigAdminGrain>(0).CreateAsync(user.Actor(), request.ModelId!, Values(request));
        return await AnswerAsync(edit, request.ModelId!, catalog);
    }

    public static async Task<Results<Ok<AdminModelDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string modelId, ModelConfigRequest request, ClaimsPrincipal user, IGrainFactory grains, CatalogCache catalog)
    {
        var validator = Validate(request);
        if (request.ModelId is not null && request.ModelId != modelId)
            validator.Add("modelId", "The model in the body differs from the one in the address; leave it out.");
        if (!validator.IsValid) return Problems.Validation(validator);
        var edit = await grains.GetGrain<IModelConfigAdminGrain>(0).UpdateAsync(user.Actor(), modelId, Values(request));
        return await AnswerAsync(edit, modelId, catalog);
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        string modelId, ClaimsPrincipal user, IGrainFactory grains, CatalogCache catalog)
    {
        var edit = await grains.GetGrain<IModelConfigAdminGrain>(0).DeleteAsync(user.Actor(), modelId);
        return await CatalogEditAnswers.AnswerAsync(edit, catalog, (_, _) => TypedResults.NoContent());
    }

    private static Validator Validate(ModelConfigRequest request) => new Validator()
        .Amount("inputPricePerMillion", request.InputPricePerMillion, "Input price per million", AdminValidation.MaxPricePerMillion, 8)
        .Amount("outputPricePerMillion", request.OutputPricePerMillion, "Output price per million", AdminValidation.MaxPricePerMillion, 8);

    // Flags left out keep a model as LiteLLM offers it: enabled and paid.
    private static ModelConfigValues Values(ModelConfigRequest request) => new(
        request.IsEnabled ?? true, request.IsFree ?? false, request.InputPricePerMillion!.Value, request.OutputPricePerMillion!.Value);

    private static Task<Results<Ok<AdminModelDto>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        CatalogEdit<ModelConfigValues> edit, string modelId, CatalogCache catalog) =>
        CatalogEditAnswers.AnswerAsync(edit, catalog, (index, _) => TypedResults.Ok(AdminModelDto.From(index,
            index.FindModel(modelId) ?? throw new InvalidOperationException($"Model {modelId} left the catalog during the edit."))));
}
