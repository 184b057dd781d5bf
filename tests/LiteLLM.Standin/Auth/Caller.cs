using OneAIHub.Tests.LiteLLMStandin.State;

namespace OneAIHub.Tests.LiteLLMStandin.Auth;

/// <summary>Who made a request: the master key (proxy admin) or a virtual key (internal user).</summary>
internal sealed record Caller(string PresentedKey, string Token, VirtualKey? Key, bool IsAdmin)
{
    public string Role => IsAdmin ? "proxy_admin" : "internal_user";

    public string? UserId => IsAdmin ? StandinState.AdminUserId : Key?.UserId;
}
