namespace OneAIHub.WebApi.Proxy;

/// <summary>Finds the caller's hub key in <c>Authorization: Bearer</c> or <c>X-API-Key</c>.</summary>
public static class ApiKeyReader
{
    public static string? Read(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return authorization["Bearer ".Length..].Trim();
        var header = request.Headers["X-API-Key"].ToString();
        return string.IsNullOrWhiteSpace(header) ? null : header.Trim();
    }
}
