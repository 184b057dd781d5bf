using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OneAIHub.Grains.Interfaces.Users;
using OneAIHub.WebApi.Common;

namespace OneAIHub.WebApi.Profile;

public static class ProfileApi
{
    public static RouteGroupBuilder MapProfileApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/profile").WithTags("Profile").RequireAuthorization();
        group.MapGet("/", GetAsync).WithSummary("The signed-in user's profile, tier, status and balance");
        group.MapGet("/limits", ProfileLimits.GetAsync).WithSummary("Balance, monthly tokens, tier, and each model's limits with live remaining counts");
        group.MapPost("/free-tier-request", RequestFreeTierAsync).WithSummary("Ask an admin to approve the Free tier");
        return group;
    }

    public static async Task<Results<Ok<ProfileDto>, UnauthorizedHttpResult>> GetAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        await grains.GetGrain<IUserGrain>(user.Id()).GetProfileAsync() is { } profile
            ? TypedResults.Ok(ProfileDto.From(profile))
            : TypedResults.Unauthorized();

    public static async Task<Results<Accepted<ProfileDto>, UnauthorizedHttpResult>> RequestFreeTierAsync(
        ClaimsPrincipal user, IGrainFactory grains) =>
        await grains.GetGrain<IUserGrain>(user.Id()).RequestFreeTierAsync() is { } profile
            ? TypedResults.Accepted("/api/profile", ProfileDto.From(profile))
            : TypedResults.Unauthorized();
}
