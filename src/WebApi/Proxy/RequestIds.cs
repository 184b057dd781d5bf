using System.Security.Cryptography;

namespace OneAIHub.WebApi.Proxy;

/// <summary>Every /v1 answer gets an <c>x-request-id</c>; it is also the request row's id in history.</summary>
public static class RequestIds
{
    public static string Assign(HttpContext context)
    {
        var id = "req_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        context.Response.Headers["x-request-id"] = id;
        context.TraceIdentifier = id;
        return id;
    }
}
