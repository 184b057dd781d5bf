using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OneAIHub.Grains.Interfaces.Users;

namespace OneAIHub.WebApi.Auth;

public static class AuthSetup
{
    public const string AdminPolicy = "admin";
    public const string StaffPolicy = "staff";
    public const string LoginRateLimit = "login";

    public static WebApplicationBuilder AddHubAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<IPasswordHasher<string>, PasswordHasher<string>>();
        services.AddHostedService<AdminSeeder>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>>((bearer, jwt) =>
            {
                bearer.MapInboundClaims = false;
                bearer.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        // /v1 carries hub API keys, not JWTs: skip token validation (and its exceptions) there.
                        if (context.Request.Path.StartsWithSegments("/v1"))
                        {
                            context.NoResult();
                            return Task.CompletedTask;
                        }
                        if (context.Request.Path.StartsWithSegments(Hosting.DashboardHosting.Path)
                            && context.Request.Cookies.TryGetValue(Hosting.DashboardHosting.CookieName, out var token))
                            context.Token = token;
                        return Task.CompletedTask;
                    },
                    OnTokenValidated = CurrentUserClaims.ApplyAsync,
                };
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Value.Issuer,
                    ValidAudience = jwt.Value.Audience,
                    IssuerSigningKey = TokenIssuer.SecurityKey(jwt.Value),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = "sub",
                    RoleClaimType = ClaimTypes.Role,
                };
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, p => p.RequireRole(UserRoles.Admin))
            .AddPolicy(StaffPolicy, p => p.RequireRole(UserRoles.Admin, UserRoles.Support));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await Results.Problem("Too many sign-in attempts. Wait a minute and try again.",
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests")
                    .ExecuteAsync(context.HttpContext);
            };
            // Per client address and WebApi instance: Auth:LoginAttemptsPerMinute (default 10).
            var perMinute = builder.Configuration.GetValue("Auth:LoginAttemptsPerMinute", 10);
            o.AddPolicy(LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return builder;
    }
}
