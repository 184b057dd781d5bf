using System.Security.Cryptography;
using System.Text;

namespace OneAIHub.Grains.Interfaces.Keys;

/// <summary>The shape of hub API keys: <c>ohk-</c> plus 256 random bits in base64url; stored only as SHA-256.</summary>
public static class ApiKeyFormat
{
    public const string Prefix = "ohk-";
    public const int VisiblePrefixLength = 12;

    public static string Generate() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 bytes.</summary>
    public static string Hash(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        var byteCount = Encoding.UTF8.GetByteCount(key);
        var bytes = byteCount <= 256 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(key, bytes);
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash);
    }

    public static string VisiblePrefix(string key) => key[..Math.Min(VisiblePrefixLength, key.Length)];

    /// <summary>A cheap sanity check before hashing: right prefix and plausible length.</summary>
    public static bool LooksValid(string? key) =>
        key is { Length: > 20 and < 200 } && key.StartsWith(Prefix, StringComparison.Ordinal);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
