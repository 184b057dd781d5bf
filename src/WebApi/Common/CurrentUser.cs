using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;

namespace OneAIHub.WebApi.Common;

public static class CurrentUser
{
    /// <summary>The signed-in user's id (the JWT subject).</summary>
    public static string Id(this ClaimsPrincipal user) =>
        user.FindFirstValue(JwtRegisteredClaimNames.Sub) ?? user.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("The principal has no subject.");

    public static string? Email(this ClaimsPrincipal user) =>
        user.FindFirstValue(JwtRegisteredClaimNames.Email) ?? user.FindFirstValue(ClaimTypes.Email);
}
