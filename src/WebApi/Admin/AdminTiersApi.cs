using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OneAIHub.Grains.Interfaces.Admin;
using OneAIHub.Grains.Interfaces.Catalog;
using OneAIHub.WebApi.Auth;
using OneAIHub.WebApi.Catalog;
using OneAIHub.WebApi.Common;

namespace OneAIHub.WebApi.Admin;

/// <summary>Subscription tiers: names, monthly prices, order and the spend that upgrades users.</summary>
public static class AdminTiersApi
{
    // Column limits: price DECIMAL(10,2), upgrade_threshold DECIMAL(20,10).
    private const decimal MaxPrice = 1_000_000m;
    private const decimal MaxUpgradeThreshold = 1_000_000_000m;

    public static RouteGroupBuilder MapAdminTiersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/tiers").WithTags("Admin: tiers").RequireAuthorization(AuthSetup.StaffPolicy);
        group.MapGet("/", ListAsync).WithSummary("Every tier, cheapest first");
        group.MapPost("/", CreateAsync).RequireAuthorization(AuthSetup.AdminPolicy).WithSummary("Create a tier (409 when the name is taken)");
        group.MapPut("/{id}", UpdateAsync).RequireAuthorization(AuthSetup.AdminPolicy).WithSummary("Change a tier");
        group.MapDelete("/{id}", DeleteAsync).RequireAuthorization(AuthSetup.AdminPolicy)
            .WithSummary("Delete a tier and its rate limits (409 while users are on it)");
        return group;
    }

    public static async Task<Ok<List<TierDto>>> ListAsync(CatalogCache catalog) =>
        TypedResults.Ok((await catalog.GetAsync()).TiersCheapestFirst.Select(CatalogMapping.Tier).ToList());

    public static async Task<Results<Created<TierDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        TierRequest request, ClaimsPrincipal user, IGrainFactory grains, CatalogCache catalog)
    {
        var validator = Validate(request);
        if (!validator.IsValid) return Problems.Validation(validator);
        var edit = await grains.GetGrain<ITierAdminGrain>(0).CreateAsync(user.Actor(), Values(request));
        return await CatalogEditAnswers.AnswerAsync(edit, catalog,
            (_, tier) => TypedResults.Created($"/api/admin/tiers/{tier.Id}", CatalogMapping.Tier(tier)));
    }

    public static async Task<Results<Ok<TierDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string id, TierRequest request, ClaimsPrincipal user, IGrainFactory grains, CatalogCache catalog)
    {
        var validator = Validate(request);
        if (!validator.IsValid) return Problems.Validation(validator);
        var edit = await grains.GetGrain<ITierAdminGrain>(0).UpdateAsync(user.Actor(), id, Values(request));
        return await CatalogEditAnswers.AnswerAsync(edit, catalog, (_, tier) => TypedResults.Ok(CatalogMapping.Tier(tier)));
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, CatalogCache catalog)
    {
        var edit = await grains.GetGrain<ITierAdminGrain>(0).DeleteAsync(user.Actor(), id);
        return await CatalogEditAnswers.AnswerAsync(edit, catalog, (_, _) => TypedResults.NoContent());
    }

    private static Validator Validate(TierRequest request)
    {
        var validator = new Validator()
            .Require("name", request.Name, "Name", 100)
            .MaxLength("description", request.Description, "Description", 2000)
            .Amount("price", request.Price, "Price", MaxPrice, 2)
            .OptionalAmount("upgradeThreshold", request.UpgradeThreshold, "Upgrade threshold", MaxUpgradeThreshold, 10);
        if (request.SortOrder is null) validator.Add("sortOrder", "Sort order is required.");
        return validator;
    }

    private static TierValues Values(TierRequest request) => new(request.Name!.Trim(),
        string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(),
        request.IsFree ?? false, request.Price!.Value, request.SortOrder!.Value, request.UpgradeThreshold);
}
