using System.Text.Json.Nodes;

namespace OneAIHub.Tests.LiteLLMStandin;

/// <summary>A request the stand-in received on a LiteLLM route, as it arrived.</summary>
public sealed record ReceivedRequest(
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset ReceivedAt)
{
    /// <summary>A header's value (names are case-insensitive), or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The body parsed as JSON, or null when it is empty or not JSON.</summary>
    public JsonNode? JsonBody()
    {
        try
        {
            return string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
