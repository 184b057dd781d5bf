using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OneAIHub.Grains.Interfaces.Catalog;
using OneAIHub.Grains.Interfaces.Users;
using OneAIHub.WebApi.Auth;
using OneAIHub.WebApi.Common;
using OneAIHub.WebApi.Profile;

namespace OneAIHub.WebApi.Admin;

/// <summary>
/// Users for admins (support may read). Every change goes through the user's grain and is audited with
/// the profile before and after. An admin cannot delete, demote or suspend themselves.
/// </summary>
public static class AdminUsersApi
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const decimal MaxAdjustment = 1_000_000m;
    private const string EntityType = "user";

    public static RouteGroupBuilder MapAdminUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin: users").RequireAuthorization(AuthSetup.StaffPolicy);
        group.MapGet("/users", ListAsync).WithSummary("Search users by email or name; filter by role, tier, status");
        group.MapGet("/users/{id}", GetAsync).WithSummary("One user");
        group.MapGet("/free-tier-requests", ListPendingAsync).WithSummary("Users waiting for Free tier approval, longest waiting first");
        group.MapPost("/users", CreateAsync).RequireAuthorization(AuthSetup.AdminPolicy).WithSummary("Create an active user");
        group.MapPut("/users/{id}", UpdateAsync).RequireAuthorization(AuthSetup.AdminPolicy)
            .WithSummary("Change role, tier, status, display name or monthly token limit (null = unlimited)");
        group.MapDelete("/users/{id}", DeleteAsync).RequireAuthorization(AuthSetup.AdminPolicy).WithSummary("Delete a user and their keys");
        group.MapPost("/users/{id}/balance", AdjustBalanceAsync).RequireAuthorization(AuthSetup.AdminPolicy)
            .WithSummary("Add or take money, recorded in the balance ledger with its reason");
        group.MapPost("/approve/{userId}", ApproveAsync).RequireAuthorization(AuthSetup.AdminPolicy)
            .WithSummary("Approve a pending Free tier account");
        return group;
    }

    public static async Task<Results<Ok<PagedDto<ProfileDto>>, ValidationProblem>> ListAsync(
        [AsParameters] UserListQuery query, IGrainFactory grains, CatalogCache catalog)
    {
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? DefaultPageSize;
        var validator = new Validator()
            .MaxLength("q", query.Q, "Search text", 254)
            .OneOf("role", Blank(query.Role), UserRoles.All, "Role")
            .OneOf("status", Blank(query.Status), UserStatuses.All, "Status");
        if (page < 1) validator.Add("page", "Page starts at 1.");
        if (pageSize is < 1 or > MaxPageSize) validator.Add("pageSize", $"Page size must be from 1 to {MaxPageSize}.");
        if (!validator.IsValid) return Problems.Validation(validator);

        var search = new UserSearch(Blank(query.Q), Blank(query.Role), TierId(Blank(query.Tier), await catalog.GetAsync()),
            Blank(query.Status), page, pageSize);
        var found = await grains.GetGrain<IUserDirectoryGrain>(0).SearchAsync(search);
        return TypedResults.Ok(new PagedDto<ProfileDto>(found.Items.Select(ProfileDto.From).ToList(), found.Total, page, pageSize));
    }

    public static async Task<Results<Ok<ProfileDto>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains) =>
        await grains.GetGrain<IUserGrain>(id).GetProfileAsync() is { } profile
            ? TypedResults.Ok(ProfileDto.From(profile))
            : Problems.NotFound("No such user.");

    public static async Task<Ok<List<ProfileDto>>> ListPendingAsync(IGrainFactory grains) =>
        TypedResults.Ok((await grains.GetGrain<IUserDirectoryGrain>(0).ListPendingApprovalAsync()).Select(ProfileDto.From).ToList());

    public static async Task<Results<Created<ProfileDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateUserRequest request, ClaimsPrincipal user, IGrainFactory grains, IPasswordHasher<string> hasher, CatalogCache catalog)
    {
        var validator = new Validator()
            .Email("email", request.Email)
            .MaxLength("displayName", request.DisplayName, "Display name", 100)
            .OneOf("role", request.Role, UserRoles.All, "Role");
        if (request.Role is null) validator.Add("role", "Role is required.");
        PasswordRules.Check(validator, "password", request.Password);
        if (request.TierId is not null && (await catalog.GetAsync()).FindTier(request.TierId) is null)
            validator.Add("tierId", "No such tier.");
        if (!validator.IsValid) return Problems.Validation(validator);

        var email = Validator.NormalizeEmail(request.Email!);
        if (await grains.GetGrain<IUserDirectoryGrain>(0).FindUserIdByEmailAsync(email) is not null)
            return Problems.Conflict("An account with this email already exists.");
        var newUser = new NewUser(email, hasher.HashPassword(email, request.Password!), Blank(request.DisplayName), request.Role!,
            request.TierId, UserStatuses.Active, RequestFreeTier: false);
        var result = await grains.GetGrain<IUserGrain>(Guid.NewGuid().ToString()).CreateAsync(newUser);
        switch (result.Outcome)
        {
            case CreateUserOutcome.EmailTaken: return Problems.Conflict("An account with this email already exists.");
            case CreateUserOutcome.UnknownTier: return Problems.Validation("tierId", "No such tier.");
        }
        var created = ProfileDto.From(result.Profile!);
        await grains.RecordAsync(user, "user.create", EntityType, created.Id, null, created);
        return TypedResults.Created($"/api/admin/users/{created.Id}", created);
    }

    public static async Task<Results<Ok<ProfileDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string id, UpdateUserRequest request, ClaimsPrincipal user, IGrainFactory grains, CatalogCache catalog)
    {
        var validator = new Validator()
            .OneOf("role", request.Role, UserRoles.All, "Role")
            .OneOf("status", request.Status, UserStatuses.All, "Status")
            .MaxLength("displayName", request.DisplayName, "Display name", 100);
        if (request.TierId is not null && (await catalog.GetAsync()).FindTier(request.TierId) is null)
            validator.Add("tierId", "No such tier.");
        var (monthlyLimit, clearLimit) = MonthlyLimit(validator, request.MonthlyTokenLimit);
        if (!validator.IsValid) return Problems.Validation(validator);
        if (id == user.Id() && request.Role is { } role && role != UserRoles.Admin)
            return Problems.Conflict("You cannot take away your own admin role; ask another admin.");
        if (id == user.Id() && request.Status is { } status && status != UserStatuses.Active)
            return Problems.Conflict("You cannot suspend your own account; ask another admin.");

        var grain = grains.GetGrain<IUserGrain>(id);
        if (await grain.GetProfileAsync() is not { } before) return Problems.NotFound("No such user.");
        var update = new UserUpdate(request.Role, request.TierId, request.Status, request.DisplayName?.Trim(), monthlyLimit, clearLimit);
        if (await grain.UpdateAsync(update) is not { } after) return Problems.NotFound("No such user.");
        return await AuditedAsync(grains, user, "user.update", before, after);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (id == user.Id()) return Problems.Conflict("You cannot delete your own account; ask another admin.");
        var grain = grains.GetGrain<IUserGrain>(id);
        if (await grain.GetProfileAsync() is not { } before || !await grain.DeleteAsync()) return Problems.NotFound("No such user.");
        await grains.RecordAsync(user, "user.delete", EntityType, id, ProfileDto.From(before), null);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<ProfileDto>, ValidationProblem, ProblemHttpResult>> AdjustBalanceAsync(
        string id, BalanceRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var validator = new Validator().Require("reason", request.Reason, "Reason", 500);
        if (request.Amount is not { } amount) validator.Add("amount", "Amount is required.");
        else if (amount == 0 || Math.Abs(amount) > MaxAdjustment)
            validator.Add("amount", $"Amount must not be 0, and at most {MaxAdjustment:0} either way.");
        if (!validator.IsValid) return Problems.Validation(validator);

        var grain = grains.GetGrain<IUserGrain>(id);
        if (await grain.GetProfileAsync() is not { } before) return Problems.NotFound("No such user.");
        if (await grain.AdjustBalanceAsync(request.Amount!.Value, request.Reason!.Trim(), user.Id()) is not { } after)
            return Problems.NotFound("No such user.");
        return await AuditedAsync(grains, user, "user.balance", before, after);
    }

    public static async Task<Results<Ok<ProfileDto>, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        string userId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var grain = grains.GetGrain<IUserGrain>(userId);
        if (await grain.GetProfileAsync() is not { } before) return Problems.NotFound("No such user.");
        if (before.Status != UserStatuses.PendingApproval) return Problems.Conflict("This account is not waiting for approval.");
        if (await grain.ApproveFreeTierAsync() is not { } after) return Problems.NotFound("No such user.");
        return await AuditedAsync(grains, user, "user.approve", before, after);
    }

    private static async Task<Ok<ProfileDto>> AuditedAsync(IGrainFactory grains, ClaimsPrincipal user, string action,
        UserProfile before, UserProfile after)
    {
        var dto = ProfileDto.From(after);
        await grains.RecordAsync(user, action, EntityType, after.Id, ProfileDto.From(before), dto);
        return TypedResults.Ok(dto);
    }

    /// <summary>Absent: leave it; null: unlimited; a whole number ≥ 0: the new limit.</summary>
    private static (long? Limit, bool Clear) MonthlyLimit(Validator validator, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined: return (null, false);
            case JsonValueKind.Null: return (null, true);
            case JsonValueKind.Number when value.TryGetInt64(out var limit) && limit >= 0: return (limit, false);
            default:
                validator.Add("monthlyTokenLimit", "Monthly token limit must be a whole number of tokens ≥ 0, or null for unlimited.");
                return (null, false);
        }
    }

    /// <summary>A tier filter may name the tier instead of giving its id.</summary>
    private static string? TierId(string? tier, CatalogIndex index) =>
        tier is null || index.FindTier(tier) is not null
            ? tier
            : index.TiersCheapestFirst.FirstOrDefault(t => string.Equals(t.Name, tier, StringComparison.OrdinalIgnoreCase))?.Id ?? tier;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
