using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OneAIHub.Tests.LiteLLMStandin.Http;
using OneAIHub.Tests.LiteLLMStandin.State;

namespace OneAIHub.Tests.LiteLLMStandin.Auth;

/// <summary>LiteLLM's <c>user_api_key_auth</c> as CONTRACT.md §2 describes it.</summary>
internal static class Authenticator
{
    /// <summary>Bare-key headers after <c>x-litellm-api-key</c> and <c>Authorization</c>, in LiteLLM's order.</summary>
    private static readonly string[] BareKeyHeaders = ["API-Key", "x-api-key", "x-goog-api-key", "Ocp-Apim-Subscription-Key"];

    /// <summary>The caller, or a <see cref="LiteLLMErrorException"/> with LiteLLM's auth error; with <paramref name="adminRoute"/>, only the proxy admin passes.</summary>
    public static Caller Require(HttpContext context, StandinState state, string? adminRoute = null)
    {
        var (caller, error) = Authenticate(context, state);
        if (caller is null)
        {
            throw new LiteLLMErrorException(error!);
        }

        if (adminRoute is not null && !caller.IsAdmin)
        {
            throw new LiteLLMErrorException(LiteLLMErrors.Proxy(
                StatusCodes.Status401Unauthorized,
                $"Authentication Error, Only proxy admin can be used to generate, delete, update info for new keys/users/teams. Route={adminRoute}. Your role={caller.Role}. Your user_id={caller.UserId}",
                "auth_error"));
        }

        return caller;
    }

    private static (Caller? Caller, IResult? Error) Authenticate(HttpContext context, StandinState state)
    {
        var (presented, malformed) = PresentedKey(context.Request.Headers);
        if (state.MasterKey is null)
        {
            // No master key configured: auth is off and every caller is an internal user.
            return (new Caller(presented ?? "", presented is null ? "" : VirtualKey.Hash(presented), null, false), null);
        }

        if (string.IsNullOrEmpty(presented))
        {
            return (null, LiteLLMErrors.Proxy(
                StatusCodes.Status401Unauthorized,
                malformed
                    ? "Authentication Error, Malformed API Key passed in. Ensure Key has `Bearer ` prefix."
                    : "Authentication Error, No api key passed in.",
                "auth_error"));
        }

        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(state.MasterKey)))
        {
            return (new Caller(presented, VirtualKey.Hash(presented), null, true), null);
        }

        if (!presented.StartsWith("sk-", StringComparison.Ordinal))
        {
            return (null, LiteLLMErrors.Proxy(
                StatusCodes.Status401Unauthorized,
                $"Authentication Error, LiteLLM Virtual Key expected. Received={VirtualKey.Mask(presented)}, expected to start with 'sk-'.",
                "auth_error"));
        }

        VirtualKey? key;
        bool blocked;
        DateTimeOffset? expiresAt;
        lock (state.Gate)
        {
            key = state.Keys.Find(presented);
            blocked = key?.Blocked == true;
            expiresAt = key?.Expires;
        }

        var token = VirtualKey.Hash(presented);
        if (key is null)
        {
            return (null, LiteLLMErrors.Proxy(
                StatusCodes.Status401Unauthorized,
                $"Authentication Error, Invalid proxy server token passed. Received API Key = {VirtualKey.Abbreviate(presented)}, Key Hash (Token) ={token}. Unable to find token in cache or `LiteLLM_VerificationTokenTable`",
                "token_not_found_in_db",
                "key"));
        }

        if (blocked)
        {
            return (null, LiteLLMErrors.Proxy(
                StatusCodes.Status401Unauthorized,
                "Authentication Error, Key is blocked. Update via `/key/unblock` if you're admin.",
                "auth_error"));
        }

        var now = DateTimeOffset.UtcNow;
        if (expiresAt is { } expires && expires < now)
        {
            return (null, LiteLLMErrors.Proxy(
                StatusCodes.Status400BadRequest,
                $"Authentication Error - Expired Key. Key Expiry time {PythonTime(expires)} and current time {PythonTime(now)}",
                "expired_key",
                VirtualKey.Abbreviate(presented)));
        }

        return (new Caller(presented, token, key, false), null);
    }

    private static (string? Key, bool Malformed) PresentedKey(IHeaderDictionary headers)
    {
        if (Header(headers, "x-litellm-api-key") is { } litellm)
        {
            return (StripBearer(litellm), false);
        }

        if (Header(headers, "Authorization") is { } authorization)
        {
            foreach (var scheme in new[] { "Bearer ", "bearer ", "Basic " })
            {
                if (authorization.StartsWith(scheme, StringComparison.Ordinal))
                {
                    return (authorization[scheme.Length..].Trim(), false);
                }
            }

            const string sigV4 = "Credential=Bearer ";
            var at = authorization.IndexOf(sigV4, StringComparison.Ordinal);
            if (at >= 0)
            {
                var rest = authorization[(at + sigV4.Length)..];
                return (rest.Split('/', ',')[0].Trim(), false);
            }

            return (null, true);
        }

        foreach (var name in BareKeyHeaders)
        {
            if (Header(headers, name) is { } bare)
            {
                return (bare.Trim(), false);
            }
        }

        return (null, false);
    }

    private static string? Header(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    private static string StripBearer(string value) =>
        value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value[7..].Trim() : value.Trim();

    /// <summary>Python's <c>str(datetime)</c> of an aware UTC datetime.</summary>
    private static string PythonTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "+00:00";
}
