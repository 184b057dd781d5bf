using System.Text.Json;

namespace OneAIHub.WebApi.Proxy;

/// <summary>Writes errors in OpenAI's shape: <c>{"error":{"message","type","param","code"}}</c>.</summary>
public static class OpenAIErrors
{
    public static async Task WriteAsync(HttpContext context, int status, string message, string type, string? code, string? param = null)
    {
        if (context.Response.HasStarted) return;
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        writer.WriteString("message", message);
        writer.WriteString("type", type);
        if (param is null) writer.WriteNull("param"); else writer.WriteString("param", param);
        if (code is null) writer.WriteNull("code"); else writer.WriteString("code", code);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static Task InvalidRequestAsync(HttpContext context, string message, string? param = null, string? code = null) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, message, "invalid_request_error", code, param);
}
