using Microsoft.ML.Tokenizers;

namespace OneAIHub.WebApi.Proxy;

/// <summary>
/// Counts tokens with a real BPE tokenizer (tiktoken o200k_base, GPT-4o's). Other vendors'
/// tokenizers differ by a little; the count is a reservation that settlement corrects.
/// </summary>
public sealed class TokenEstimator
{
    /// <summary>OpenAI's chat framing: every message costs a few tokens beyond its text, every reply 3.</summary>
    public const int PerMessage = 4;
    public const int PerReply = 3;
    public const int PerImage = 85;

    private readonly Tokenizer _tokenizer = TiktokenTokenizer.CreateForModel("gpt-4o");

    public int Count(string? text) => string.IsNullOrEmpty(text) ? 0 : _tokenizer.CountTokens(text);
}
