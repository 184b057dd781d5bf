using System.Globalization;
using OneAIHub.Grains.LiteLLM;

namespace OneAIHub.Grains.Catalog;

/// <summary>
/// What the hub shows for an AI company. <see cref="LogoKey"/> is a simple-icons slug, or null when it has none
/// (simple-icons 16 ships no OpenAI or xAI icon; the web app draws a monogram instead).
/// </summary>
public sealed record ProviderInfo(string Id, string DisplayName, string Description, string? LogoKey, string? Website);

/// <summary>Metadata of the providers LiteLLM knows, keyed by LiteLLM's provider id (<c>litellm_provider</c>).</summary>
public static class KnownProviders
{
    private static readonly ProviderInfo[] Known =
    [
        new("openai", "OpenAI", "Creator of the GPT family of language, reasoning and embedding models.", null, "https://openai.com"),
        new("azure", "Azure OpenAI", "OpenAI models hosted on Microsoft Azure with enterprise controls.", null, "https://azure.microsoft.com/products/ai-services/openai-service"),
        new("anthropic", "Anthropic", "AI safety company behind the Claude family of models.", "anthropic", "https://www.anthropic.com"),
        new("gemini", "Google Gemini", "Google's Gemini models served through the Gemini API.", "googlegemini", "https://ai.google.dev"),
        new("vertex_ai", "Google Vertex AI", "Google Cloud's platform serving Gemini and partner models.", "googlecloud", "https://cloud.google.com/vertex-ai"),
        new("mistral", "Mistral AI", "French AI company building open-weight and commercial language models.", "mistralai", "https://mistral.ai"),
        new("meta", "Meta", "Developer of the open-weight Llama model family.", "meta", "https://www.llama.com"),
        new("meta_llama", "Meta Llama", "Meta's Llama models served through the Llama API.", "meta", "https://www.llama.com"),
        new("cohere", "Cohere", "Enterprise AI company offering the Command language models and embeddings.", null, "https://cohere.com"),
        new("deepseek", "DeepSeek", "AI lab known for efficient open-weight chat and reasoning models.", "deepseek", "https://www.deepseek.com"),
        new("xai", "xAI", "AI company behind the Grok family of models.", null, "https://x.ai"),
        new("gigachat", "Sber GigaChat", "Sber's GigaChat family of Russian-language and multilingual models.", null, "https://developers.sber.ru/portal/products/gigachat"),
        new("groq", "Groq", "Inference provider serving open models at high speed on its own LPU chips.", null, "https://groq.com"),
        new("together_ai", "Together AI", "Cloud platform for running and fine-tuning open-source models.", null, "https://www.together.ai"),
        new("perplexity", "Perplexity", "AI search company offering the web-grounded Sonar models.", "perplexity", "https://www.perplexity.ai"),
        new("bedrock", "Amazon Bedrock", "AWS service offering foundation models from several providers.", null, "https://aws.amazon.com/bedrock"),
        new("huggingface", "Hugging Face", "Hub and inference service for open machine-learning models.", "huggingface", "https://huggingface.co"),
        new("ollama", "Ollama", "Runtime for running open models on your own hardware.", "ollama", "https://ollama.com"),
        new("openrouter", "OpenRouter", "Unified API that routes requests to models from many providers.", "openrouter", "https://openrouter.ai"),
        new("fireworks_ai", "Fireworks AI", "Inference platform for fast serving of open models.", null, "https://fireworks.ai"),
        new("nvidia_nim", "NVIDIA NIM", "NVIDIA's optimized inference microservices for open models.", "nvidia", "https://build.nvidia.com"),
        new("cloudflare", "Cloudflare Workers AI", "Serverless inference for open models on Cloudflare's network.", "cloudflare", "https://developers.cloudflare.com/workers-ai"),
        new("ai21", "AI21 Labs", "Israeli AI company building the Jamba language models.", null, "https://www.ai21.com"),
        new("dashscope", "Alibaba Qwen", "Alibaba Cloud's Qwen models served through DashScope.", null, "https://www.alibabacloud.com/product/modelstudio"),
        new("moonshot", "Moonshot AI", "Chinese AI company behind the Kimi models.", null, "https://www.moonshot.ai"),
    ];

    /// <summary>LiteLLM provider ids that are another id's variant (e.g. the cost map's <c>vertex_ai-language-models</c>).</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text-completion-openai"] = "openai",
        ["azure_text"] = "azure",
        ["azure_ai"] = "azure",
        ["cohere_chat"] = "cohere",
        ["text-completion-codestral"] = "mistral",
        ["codestral"] = "mistral",
        ["palm"] = "gemini",
        ["nvidia"] = "nvidia_nim",
        ["together"] = "together_ai",
    };

    /// <summary>Model-name prefixes LiteLLM recognises without a provider prefix.</summary>
    private static readonly (string Prefix, string Provider)[] NamePrefixes =
    [
        ("gpt-", "openai"), ("o1", "openai"), ("o3", "openai"), ("o4", "openai"), ("chatgpt", "openai"),
        ("text-embedding", "openai"), ("dall-e", "openai"), ("whisper", "openai"), ("tts-", "openai"),
        ("claude", "anthropic"), ("gemini", "gemini"), ("mistral", "mistral"), ("mixtral", "mistral"),
        ("codestral", "mistral"), ("command", "cohere"), ("deepseek", "deepseek"), ("grok", "xai"), ("gigachat", "gigachat"),
    ];

    private static readonly Dictionary<string, ProviderInfo> ById = Known.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<ProviderInfo> All => Known;

    public static bool IsKnown(string providerId) => ById.ContainsKey(Normalize(providerId));

    /// <summary>The metadata for a provider id, or a sane default (title-cased id, generic description, no logo).</summary>
    public static ProviderInfo Get(string providerId)
    {
        var id = Normalize(providerId);
        return ById.TryGetValue(id, out var known) ? known : Generic(id);
    }

    /// <summary>The default metadata any provider id gets when nothing is known about it.</summary>
    public static ProviderInfo Generic(string providerId)
    {
        var id = Normalize(providerId);
        return new ProviderInfo(id, TitleCase(id), $"AI models from {TitleCase(id)}, served through LiteLLM.", null, null);
    }

    /// <summary>Lower-cases an id and folds LiteLLM's variants (<c>vertex_ai-chat-models</c>, <c>text-completion-openai</c>, …).</summary>
    public static string Normalize(string providerId)
    {
        var id = providerId.Trim().ToLowerInvariant();
        if (id.StartsWith("vertex_ai", StringComparison.Ordinal))
        {
            return "vertex_ai";
        }

        return Aliases.TryGetValue(id, out var canonical) ? canonical : id;
    }

    /// <summary>
    /// The provider of a LiteLLM deployment: <c>model_info.litellm_provider</c>, else <c>litellm_params.custom_llm_provider</c>,
    /// else the prefix of <c>litellm_params.model</c> (<c>anthropic/claude-…</c>), else a guess from the model name.
    /// </summary>
    public static string ProviderOf(LiteLLMDeployment deployment)
    {
        if (!string.IsNullOrWhiteSpace(deployment.ModelInfo.LitellmProvider))
        {
            return Normalize(deployment.ModelInfo.LitellmProvider);
        }

        if (!string.IsNullOrWhiteSpace(deployment.LitellmParams.CustomLlmProvider))
        {
            return Normalize(deployment.LitellmParams.CustomLlmProvider);
        }

        var model = deployment.LitellmParams.Model ?? deployment.ModelName;
        var slash = model.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            return Normalize(model[..slash]);
        }

        return NamePrefixes.FirstOrDefault(p => model.StartsWith(p.Prefix, StringComparison.OrdinalIgnoreCase)).Provider ?? "unknown";
    }

    private static string TitleCase(string id) =>
        string.Join(' ', id.Split(['_', '-', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(word => char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..]));
}
