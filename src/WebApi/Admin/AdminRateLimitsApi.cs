using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OneAIHub.Grains.Interfaces.Admin;
using OneAIHub.Grains.Interfaces.Catalog;
using OneAIHub.WebApi.Auth;
using OneAIHub.WebApi.Catalog;
using OneAIHub.WebApi.Common;

namespace OneAIHub.WebApi.Admin;

/// <summary>
/// Limits per model and tier. The proxy reads limits from the catalog on every request, so an edit
/// applies from the next request on every instance (within the catalog poll, half a second).
/// </summary>
public static class AdminRateLimitsApi
{
    public static RouteGroupBuilder MapAdminRateLimitsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/rate-limits").WithTags("Admin: rate limits").RequireAuthorization(AuthSetup.StaffPolicy);
        group.MapGet("/", ListAsync).WithSummary("Every rate limit row, also for models not on offer");
        group.MapPost("/", CreateAsync).RequireAuthorization(AuthSetup.AdminPolicy)
            .WithSummary("Give a tier limits on a model (409 when it has them already)");
        group.MapPut("/{id}", UpdateAsync).RequireAuthorization(AuthSetup.AdminPolicy).WithSummary("Change a rate limit row");
        group.MapDelete("/{id}", DeleteAsync).RequireAuthorization(AuthSetup.AdminPolicy).WithSummary("Delete a rate limit row");
        return group;
    }

    public static async Task<Ok<List<RateLimitDto>>> ListAsync(CatalogCache catalog)
    {
        var index = await catalog.GetAsync();
        return TypedResults.Ok(index.Snapshot.RateLimits
            .Select(l => CatalogMapping.RateLimit(index, l))
            .OrderBy(l => l.ModelName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(l => index.FindTier(l.TierId)?.SortOrder)
            .ToList());
    }

    public static async Task<Results<Created<RateLimitDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        RateLimitRequest request, ClaimsPrincipal user, IGrainFactory grains, CatalogCache catalog)
    {
        var validator = Validate(request);
        if (!validator.IsValid) return Problems.Validation(validator);
        var edit = await grains.GetGrain<IRateLimitAdminGrain>(0).CreateAsync(user.Actor(), Values(request));
        return await CatalogEditAnswers.AnswerAsync(edit, catalog,
            (index, limit) => TypedResults.Created($"/api/admin/rate-limits/{limit.Id}", CatalogMapping.RateLimit(index, limit)));
    }

    public static async Task<Results<Ok<RateLimitDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string id, RateLimitRequest request, ClaimsPrincipal user, IGrainFactory grains, CatalogCache catalog)
    {
        var validator = Validate(request);
        if (!validator.IsValid) return Problems.Validation(validator);
        var edit = await grains.GetGrain<IRateLimitAdminGrain>(0).UpdateAsync(user.Actor(), id, Values(request));
        return await CatalogEditAnswers.AnswerAsync(edit, catalog, (index, limit) => TypedResults.Ok(CatalogMapping.RateLimit(index, limit)));
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, CatalogCache catalog)
    {
        var edit = await grains.GetGrain<IRateLimitAdminGrain>(0).DeleteAsync(user.Actor(), id);
        return await CatalogEditAnswers.AnswerAsync(edit, catalog, (_, _) => TypedResults.NoContent());
    }

    private static Validator Validate(RateLimitRequest request) => new Validator()
        .Require("modelId", request.ModelId, "Model", 36)
        .Require("tierId", request.TierId, "Tier", 36)
        .Count("requestsPerMinute", request.RequestsPerMinute, "Requests per minute")
        .Count("requestsPerDay", request.RequestsPerDay, "Requests per day")
        .Count("tokensPerMinute", request.TokensPerMinute, "Tokens per minute")
        .Count("tokensPerDay", request.TokensPerDay, "Tokens per day");

    private static RateLimitValues Values(RateLimitRequest request) => new(request.ModelId!.Trim(), request.TierId!.Trim(),
        request.RequestsPerMinute!.Value, request.RequestsPerDay!.Value, request.TokensPerMinute!.Value, request.TokensPerDay!.Value);
}
