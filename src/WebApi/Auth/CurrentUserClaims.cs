using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using OneAIHub.Grains.Interfaces.Users;
using OneAIHub.WebApi.Common;

namespace OneAIHub.WebApi.Auth;

/// <summary>
/// Makes a token only as good as the account behind it: once the signature checks out, the role is
/// taken from the user's grain (a demotion applies at once), and a deleted user's token fails
/// authentication (401), as an expired one does.
/// </summary>
public static class CurrentUserClaims
{
    public static async Task ApplyAsync(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var grains = context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>();
        var profile = await grains.GetGrain<IUserGrain>(principal.Id()).GetProfileAsync();
        if (profile is null)
        {
            context.Fail("The account of this token no longer exists.");
            return;
        }
        var identity = new ClaimsIdentity(principal.Claims.Where(c => c.Type != ClaimTypes.Role),
            principal.Identity!.AuthenticationType, "sub", ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Role, profile.Role));
        context.Principal = new ClaimsPrincipal(identity);
    }
}
