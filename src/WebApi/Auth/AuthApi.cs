using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OneAIHub.Grains.Interfaces.Users;
using OneAIHub.WebApi.Common;
using OneAIHub.WebApi.Profile;

namespace OneAIHub.WebApi.Auth;

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName, bool? RequestFreeTier);

public sealed record LoginRequest(string? Email, string? Password);

public sealed record AuthResult(string Token, DateTime ExpiresAt, ProfileDto User);

public static class AuthApi
{
    // A hash of a random password, verified when the email is unknown so both failures take as long.
    private static readonly string UnknownUserHash = new PasswordHasher<string>().HashPassword("", Guid.NewGuid().ToString());

    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Accounts");
        group.MapPost("/register", RegisterAsync).WithSummary("Create an account (it waits for Free tier approval)");
        group.MapPost("/login", LoginAsync).WithSummary("Sign in and get a JWT").RequireRateLimiting(AuthSetup.LoginRateLimit);
        return group;
    }

    public static async Task<Results<Created<AuthResult>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterRequest request, IGrainFactory grains, IPasswordHasher<string> hasher, TokenIssuer tokens)
    {
        var validator = new Validator()
            .Email("email", request.Email)
            .MaxLength("displayName", request.DisplayName, "Display name", 100);
        PasswordRules.Check(validator, "password", request.Password);
        if (!validator.IsValid) return Problems.Validation(validator);

        var email = Validator.NormalizeEmail(request.Email!);
        if (await grains.GetGrain<IUserDirectoryGrain>(0).FindUserIdByEmailAsync(email) is not null)
            return Problems.Conflict("An account with this email already exists.");

        var user = new NewUser(email, hasher.HashPassword(email, request.Password!), request.DisplayName?.Trim(),
            UserRoles.Customer, null, UserStatuses.PendingApproval, request.RequestFreeTier ?? true);
        var result = await grains.GetGrain<IUserGrain>(Guid.NewGuid().ToString()).CreateAsync(user);
        if (result.Outcome == CreateUserOutcome.EmailTaken)
            return Problems.Conflict("An account with this email already exists.");
        if (result.Profile is null)
            return TypedResults.Problem("No tier is configured for new accounts.", statusCode: 500);

        var token = tokens.Issue(result.Profile.Id, result.Profile.Email, result.Profile.Role);
        return TypedResults.Created("/api/profile", new AuthResult(token.Token, token.ExpiresAt, ProfileDto.From(result.Profile)));
    }

    public static async Task<Results<Ok<AuthResult>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest request, IGrainFactory grains, IPasswordHasher<string> hasher, TokenIssuer tokens)
    {
        var validator = new Validator().Require("email", request.Email, "Email", 254).Require("password", request.Password, "Password", 128);
        if (!validator.IsValid) return Problems.Validation(validator);

        var email = Validator.NormalizeEmail(request.Email!);
        var credentials = await grains.GetGrain<IUserDirectoryGrain>(0).FindCredentialsAsync(email);
        var verdict = hasher.VerifyHashedPassword(email, credentials?.PasswordHash ?? UnknownUserHash, request.Password!);
        if (credentials is null || verdict == PasswordVerificationResult.Failed)
            return Problems.Unauthorized("The email or password is wrong.");

        var profile = await grains.GetGrain<IUserGrain>(credentials.UserId).GetProfileAsync();
        if (profile is null) return Problems.Unauthorized("The email or password is wrong.");
        var token = tokens.Issue(profile.Id, profile.Email, profile.Role);
        return TypedResults.Ok(new AuthResult(token.Token, token.ExpiresAt, ProfileDto.From(profile)));
    }
}
