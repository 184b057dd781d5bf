using System.Text.Json.Nodes;

namespace OneAIHub.Tests.LiteLLMStandin.Http;

/// <summary>The three error body shapes of CONTRACT.md §1.2.</summary>
internal static class LiteLLMErrors
{
    /// <summary>ProxyException: <c>{"error":{"message","type","param","code"}}</c>; HTTP status = code.</summary>
    public static IResult Proxy(int status, string message, string? type = "None", string? param = "None") =>
        JsonOut.Ok(ProxyBody(status, message, type, param), status);

    public static JsonObject ProxyBody(int status, string message, string? type = "None", string? param = "None") => new()
    {
        ["error"] = new JsonObject
        {
            ["message"] = message,
            ["type"] = type,
            ["param"] = param,
            ["code"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    /// <summary>Plain FastAPI HTTPException with a string detail: <c>{"detail":"…"}</c>.</summary>
    public static IResult Detail(int status, string detail) => JsonOut.Ok(new JsonObject { ["detail"] = detail }, status);

    /// <summary>Plain FastAPI HTTPException with a dict detail: <c>{"detail":{"error":"…"}}</c>.</summary>
    public static IResult DetailError(int status, string error) =>
        JsonOut.Ok(new JsonObject { ["detail"] = new JsonObject { ["error"] = error } }, status);

    /// <summary>FastAPI request validation failure for a missing body field.</summary>
    public static IResult MissingField(string field, JsonNode? input) => Validation("missing", ["body", field], "Field required", input);

    /// <summary>FastAPI request validation failure (422).</summary>
    public static IResult Validation(string type, string[] loc, string msg, JsonNode? input) =>
        JsonOut.Ok(
            new JsonObject
            {
                ["detail"] = new JsonArray(new JsonObject
                {
                    ["type"] = type,
                    ["loc"] = JsonOut.Strings(loc),
                    ["msg"] = msg,
                    ["input"] = input?.DeepClone(),
                }),
            },
            StatusCodes.Status422UnprocessableEntity);
}
