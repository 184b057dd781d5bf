using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using OneAIHub.Grains.Interfaces.Users;
using OneAIHub.WebApi.Common;

namespace OneAIHub.WebApi.Auth;

/// <summary>
/// Makes a token only as good as the account behind it: the role comes from the user's grain
/// on every request (a demotion applies at once), and a deleted user's token stops working.
/// </summary>
public sealed class CurrentUserClaims(IGrainFactory grains) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.HasClaim(c => c.Type == "oneaihub:checked"))
            return principal;
        var profile = await grains.GetGrain<IUserGrain>(principal.Id()).GetProfileAsync();
        if (profile is null) return new ClaimsPrincipal(new ClaimsIdentity());

        var identity = new ClaimsIdentity(principal.Claims.Where(c => c.Type != ClaimTypes.Role),
            principal.Identity.AuthenticationType, "sub", ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Role, profile.Role));
        identity.AddClaim(new Claim("oneaihub:checked", "1"));
        return new ClaimsPrincipal(identity);
    }
}
