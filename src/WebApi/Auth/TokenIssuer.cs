using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace OneAIHub.WebApi.Auth;

public sealed record IssuedToken(string Token, DateTime ExpiresAt);

public sealed class TokenIssuer(IOptions<JwtOptions> options, TimeProvider time)
{
    public static SymmetricSecurityKey SecurityKey(JwtOptions options) => new(Encoding.UTF8.GetBytes(options.SigningKey));

    public IssuedToken Issue(string userId, string email, string role)
    {
        var o = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var expires = now + o.Lifetime;
        var token = new JwtSecurityToken(
            issuer: o.Issuer,
            audience: o.Audience,
            claims:
            [
                new Claim(JwtRegisteredClaimNames.Sub, userId),
                new Claim(JwtRegisteredClaimNames.Email, email),
                new Claim(ClaimTypes.Role, role),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString()),
            ],
            notBefore: now,
            expires: expires,
            signingCredentials: new SigningCredentials(SecurityKey(o), SecurityAlgorithms.HmacSha256));
        return new IssuedToken(new JwtSecurityTokenHandler().WriteToken(token), expires);
    }
}
