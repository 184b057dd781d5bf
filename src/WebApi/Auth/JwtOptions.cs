using System.ComponentModel.DataAnnotations;

namespace OneAIHub.WebApi.Auth;

public sealed class JwtOptions
{
    public const string Section = "Jwt";

    /// <summary>HMAC-SHA256 key; at least 32 characters. Every WebApi instance must share it.</summary>
    [Required, MinLength(32)]
    public string SigningKey { get; set; } = "";

    [Required]
    public string Issuer { get; set; } = "oneaihub";

    [Required]
    public string Audience { get; set; } = "oneaihub";

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(12);
}

/// <summary>The first admin, created at start when no user has this email (section <c>Admin</c>).</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    public string? Email { get; set; }
    public string? Password { get; set; }
}
