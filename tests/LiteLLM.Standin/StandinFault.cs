namespace OneAIHub.Tests.LiteLLMStandin;

/// <summary>What an injected fault does to a matching request.</summary>
public enum StandinFaultKind
{
    /// <summary>Answer with <see cref="StandinFault.StatusCode"/> and a ProxyException body, without doing the work.</summary>
    Fail,

    /// <summary>Never answer (until the client gives up or the server stops).</summary>
    Hang,

    /// <summary>On a stream: abort the connection after <see cref="StandinFault.AfterChunks"/> events.</summary>
    DropStream,

    /// <summary>On a stream: after <see cref="StandinFault.AfterChunks"/> events write LiteLLM's mid-stream error event and end without <c>[DONE]</c>.</summary>
    StreamError,
}

/// <summary>
/// A fault for requests whose path matches <see cref="Path"/> (null = every LiteLLM route). Paths compare without a
/// leading <c>/v1</c>, so <c>/chat/completions</c> also matches <c>/v1/chat/completions</c>. <see cref="Count"/> is how
/// many requests it applies to (null = all until cleared).
/// </summary>
public sealed record StandinFault(
    StandinFaultKind Kind,
    string? Path = null,
    int? Count = 1,
    int StatusCode = 500,
    int AfterChunks = 0,
    string? Message = null);
