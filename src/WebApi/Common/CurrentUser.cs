using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using OneAIHub.Grains.Interfaces.Admin;

namespace OneAIHub.WebApi.Common;

public static class CurrentUser
{
    /// <summary>The signed-in user's id (the JWT subject).</summary>
    public static string Id(this ClaimsPrincipal user) =>
        user.FindFirstValue(JwtRegisteredClaimNames.Sub) ?? user.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("The principal has no subject.");

    /// <summary>The signed-in user as the author of an audited change.</summary>
    public static Actor Actor(this ClaimsPrincipal user) => new(user.Id(), user.Email());

    public static string? Email(this ClaimsPrincipal user) =>
        user.FindFirstValue(JwtRegisteredClaimNames.Email) ?? user.FindFirstValue(ClaimTypes.Email);
}
