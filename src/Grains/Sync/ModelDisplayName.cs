using System.Globalization;
using System.Text.RegularExpressions;

namespace OneAIHub.Grains.Sync;

/// <summary>
/// A readable name for a LiteLLM model group: <c>claude-3-5-sonnet-20240620</c> → "Claude 3.5 Sonnet (2024-06-20)",
/// <c>gpt-4o-mini</c> → "GPT-4o Mini". Names that already carry capitals keep them (<c>GigaChat-2-Max</c>).
/// </summary>
public static partial class ModelDisplayName
{
    private static readonly Dictionary<string, string> Brands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gpt"] = "GPT", ["chatgpt"] = "ChatGPT", ["claude"] = "Claude", ["gemini"] = "Gemini", ["gemma"] = "Gemma",
        ["llama"] = "Llama", ["mistral"] = "Mistral", ["mixtral"] = "Mixtral", ["codestral"] = "Codestral",
        ["pixtral"] = "Pixtral", ["ministral"] = "Ministral", ["deepseek"] = "DeepSeek", ["gigachat"] = "GigaChat",
        ["grok"] = "Grok", ["command"] = "Command", ["qwen"] = "Qwen", ["kimi"] = "Kimi", ["sonar"] = "Sonar",
        ["phi"] = "Phi", ["ai"] = "AI", ["tts"] = "TTS", ["hd"] = "HD", ["vl"] = "VL",
    };

    public static string From(string modelName)
    {
        var name = modelName[(modelName.LastIndexOf('/') + 1)..];
        var tokens = name.Split(['-', '_', ' '], StringSplitOptions.RemoveEmptyEntries).ToList();
        if (tokens.Count == 0) return modelName;

        var date = TakeDateSuffix(tokens);
        var words = MergeVersions(tokens).Select(Word).ToList();
        var text = words[0];
        for (var i = 1; i < words.Count; i++)
        {
            // OpenAI writes its versions glued to the brand: GPT-4o, GPT-3.5.
            var glue = i == 1 && words[0] == "GPT" && char.IsDigit(words[1][0]) ? "-" : " ";
            text += glue + words[i];
        }
        return date is null ? text : $"{text} ({date})";
    }

    /// <summary>Removes a trailing <c>20240620</c> or <c>2024-06-20</c> and returns it as <c>2024-06-20</c>.</summary>
    private static string? TakeDateSuffix(List<string> tokens)
    {
        if (tokens.Count > 1 && CompactDate().IsMatch(tokens[^1]))
        {
            var compact = tokens[^1];
            tokens.RemoveAt(tokens.Count - 1);
            return $"{compact[..4]}-{compact[4..6]}-{compact[6..]}";
        }
        if (tokens.Count > 3 && Year().IsMatch(tokens[^3]) && TwoDigits().IsMatch(tokens[^2]) && TwoDigits().IsMatch(tokens[^1]))
        {
            var date = $"{tokens[^3]}-{tokens[^2]}-{tokens[^1]}";
            tokens.RemoveRange(tokens.Count - 3, 3);
            return date;
        }
        return null;
    }

    /// <summary>Anthropic-style versions: <c>3-5</c> → <c>3.5</c>.</summary>
    private static IEnumerable<string> MergeVersions(List<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i + 1 < tokens.Count && IsSingleDigit(tokens[i]) && IsSingleDigit(tokens[i + 1]))
            {
                yield return $"{tokens[i]}.{tokens[i + 1]}";
                i++;
            }
            else
            {
                yield return tokens[i];
            }
        }
    }

    private static string Word(string token)
    {
        if (Brands.TryGetValue(token, out var brand)) return brand;
        if (token.Any(char.IsUpper)) return token;
        if (char.IsDigit(token[0])) return SizeSuffix().IsMatch(token) ? token.ToUpperInvariant() : token;
        return char.ToUpper(token[0], CultureInfo.InvariantCulture) + token[1..];
    }

    private static bool IsSingleDigit(string token) => token.Length == 1 && char.IsDigit(token[0]);

    [GeneratedRegex(@"^20\d{6}$")]
    private static partial Regex CompactDate();

    [GeneratedRegex(@"^20\d{2}$")]
    private static partial Regex Year();

    [GeneratedRegex(@"^\d{2}$")]
    private static partial Regex TwoDigits();

    /// <summary>Parameter counts and context sizes: <c>70b</c>, <c>8x7b</c>, <c>128k</c>.</summary>
    [GeneratedRegex(@"^[\d.x]+[bkm]$")]
    private static partial Regex SizeSuffix();
}
