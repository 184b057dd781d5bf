using System.Text.Json.Nodes;
using OneAIHub.Tests.LiteLLMStandin.Http;
using OneAIHub.Tests.LiteLLMStandin.State;

namespace OneAIHub.Tests.LiteLLMStandin.Rendering;

/// <summary>Model objects of <c>/models</c>, <c>/model/info</c>, <c>/model_group/info</c> and <c>/model/new</c> (CONTRACT.md §3).</summary>
internal static class ModelRendering
{
    /// <summary><c>DEFAULT_MODEL_CREATED_AT_TIME</c>.</summary>
    public const long DefaultCreated = 1677610602;

    /// <summary>
    /// The cost-map fields of <c>ModelInfoBase</c> in the order <c>_get_model_info_helper</c> builds them; map fields not
    /// listed here (e.g. <c>supports_parallel_function_calling</c>, <c>deprecation_date</c>) are dropped, as LiteLLM does.
    /// </summary>
    private static readonly string[] ModelInfoFields =
    [
        "max_tokens", "max_input_tokens", "max_output_tokens", "input_cost_per_token", "input_cost_per_token_flex",
        "input_cost_per_token_priority", "cache_creation_input_token_cost", "cache_creation_input_token_cost_above_200k_tokens",
        "cache_read_input_token_cost", "cache_read_input_token_cost_above_200k_tokens", "cache_read_input_token_cost_flex",
        "cache_read_input_token_cost_priority", "cache_creation_input_token_cost_above_1hr", "input_cost_per_character",
        "input_cost_per_token_above_128k_tokens", "input_cost_per_token_above_200k_tokens", "input_cost_per_query",
        "input_cost_per_second", "input_cost_per_audio_token", "input_cost_per_image_token", "input_cost_per_image",
        "input_cost_per_audio_per_second", "input_cost_per_video_per_second", "input_cost_per_token_batches",
        "output_cost_per_token_batches", "output_cost_per_token", "output_cost_per_token_flex", "output_cost_per_token_priority",
        "output_cost_per_audio_token", "output_cost_per_character", "output_cost_per_reasoning_token",
        "output_cost_per_token_above_128k_tokens", "output_cost_per_character_above_128k_tokens",
        "output_cost_per_token_above_200k_tokens", "output_cost_per_second", "output_cost_per_video_per_second",
        "output_cost_per_image", "output_cost_per_image_token", "output_vector_size", "citation_cost_per_token", "tiered_pricing",
        "litellm_provider", "mode", "supports_system_messages", "supports_response_schema", "supports_vision",
        "supports_function_calling", "supports_tool_choice", "supports_assistant_prefill", "supports_prompt_caching",
        "supports_audio_input", "supports_audio_output", "supports_pdf_input", "supports_embedding_image_input",
        "supports_native_streaming", "supports_web_search", "supports_url_context", "supports_reasoning",
        "supports_computer_use", "search_context_cost_per_query", "tpm", "rpm", "ocr_cost_per_page", "annotation_cost_per_page",
        "provider_specific_entry",
    ];

    private static readonly string[] SecretParams = ["api_key", "client_secret", "vertex_credentials", "aws_access_key_id", "aws_secret_access_key"];

    private static readonly string[] ChatParams =
    [
        "frequency_penalty", "logit_bias", "logprobs", "top_logprobs", "max_tokens", "max_completion_tokens", "modalities",
        "prediction", "n", "presence_penalty", "seed", "stop", "stream", "stream_options", "temperature", "top_p", "tools",
        "tool_choice", "function_call", "functions", "max_retries", "extra_headers", "parallel_tool_calls", "audio",
        "response_format", "user",
    ];

    private static readonly string[] CompletionParams =
    [
        "best_of", "echo", "frequency_penalty", "logit_bias", "logprobs", "max_tokens", "n", "presence_penalty", "seed", "stop",
        "stream", "stream_options", "suffix", "temperature", "top_p", "user",
    ];

    private static readonly string[] EmbeddingParams = ["dimensions", "encoding_format", "user"];

    public static JsonObject ListItem(string id, string ownedBy) => new()
    {
        ["id"] = id,
        ["object"] = "model",
        ["created"] = DefaultCreated,
        ["owned_by"] = ownedBy,
    };

    /// <summary>One <c>/model/info</c> entry: the deployment with secrets removed and its model info merged with the cost map.</summary>
    public static JsonObject InfoEntry(StandinModel model) => new()
    {
        ["model_name"] = model.ModelName,
        ["litellm_params"] = PublicParams(model.LitellmParams),
        ["model_info"] = ModelInfo(model),
    };

    public static JsonObject ModelInfo(StandinModel model)
    {
        var info = new JsonObject { ["id"] = model.Id, ["db_model"] = model.DbModel };
        foreach (var (field, value) in model.OwnModelInfo)
        {
            if (field is not ("id" or "db_model"))
            {
                info[field] = value?.DeepClone();
            }
        }

        if (model.CostMapEntry is not { } entry)
        {
            return info;
        }

        info["key"] = model.CostMapKey;
        foreach (var field in ModelInfoFields)
        {
            if (info.ContainsKey(field))
            {
                continue;
            }

            info[field] = field switch
            {
                "input_cost_per_token" => JsonOut.Float(model.InputCostPerToken),
                "output_cost_per_token" => JsonOut.Float(model.OutputCostPerToken),
                _ => entry[field]?.DeepClone(),
            };
        }

        info["supported_openai_params"] = JsonOut.Strings(SupportedParams(model.Mode));
        return info;
    }

    /// <summary>One <c>/model_group/info</c> entry (<c>ModelGroupInfo</c>); limits are floats, booleans default to false.</summary>
    public static JsonObject GroupInfo(string group, IReadOnlyList<StandinModel> deployments)
    {
        var first = deployments[0];
        var entry = first.CostMapEntry;
        return new JsonObject
        {
            ["model_group"] = group,
            ["providers"] = JsonOut.Strings(deployments.Select(d => d.Provider).Distinct()),
            ["max_input_tokens"] = JsonOut.Float(JsonRead.Double(first.OwnModelInfo["max_input_tokens"]) ?? JsonRead.Double(entry?["max_input_tokens"])),
            ["max_output_tokens"] = JsonOut.Float(first.MaxOutputTokens),
            ["input_cost_per_token"] = JsonOut.Float(first.InputCostPerToken),
            ["output_cost_per_token"] = JsonOut.Float(first.OutputCostPerToken),
            ["input_cost_per_pixel"] = null,
            ["mode"] = first.Mode,
            ["tpm"] = JsonOut.Clone(first.LitellmParams["tpm"]),
            ["rpm"] = JsonOut.Clone(first.LitellmParams["rpm"]),
            ["supports_parallel_function_calling"] = Flag(entry, "supports_parallel_function_calling"),
            ["supports_vision"] = Flag(entry, "supports_vision"),
            ["supports_web_search"] = Flag(entry, "supports_web_search"),
            ["supports_url_context"] = Flag(entry, "supports_url_context"),
            ["supports_reasoning"] = Flag(entry, "supports_reasoning"),
            ["supports_function_calling"] = Flag(entry, "supports_function_calling"),
            ["supported_openai_params"] = JsonOut.Strings(SupportedParams(first.Mode)),
            ["configurable_clientside_auth_params"] = null,
            ["is_public_model_group"] = false,
            ["health_status"] = null,
            ["health_response_time"] = null,
            ["health_checked_at"] = null,
        };
    }

    /// <summary>The stored <c>LiteLLM_ProxyModelTable</c> row that <c>/model/new</c> and <c>/model/update</c> return.</summary>
    public static JsonObject DbRow(StandinModel model, string salt, string createdBy)
    {
        var stored = new JsonObject();
        foreach (var (field, value) in WithDefaults(model.LitellmParams))
        {
            stored[field] = JsonRead.String(value) is { } text ? Encrypt(text, salt) : value?.DeepClone();
        }

        var info = new JsonObject { ["id"] = model.Id, ["db_model"] = false };
        foreach (var (field, value) in model.OwnModelInfo)
        {
            if (field is not ("id" or "db_model"))
            {
                info[field] = value?.DeepClone();
            }
        }

        return new JsonObject
        {
            ["model_id"] = model.Id,
            ["model_name"] = model.ModelName,
            ["litellm_params"] = stored,
            ["model_info"] = info,
            ["created_at"] = JsonOut.PydanticTime(model.CreatedAt),
            ["created_by"] = createdBy,
            ["updated_at"] = JsonOut.PydanticTime(model.UpdatedAt),
            ["updated_by"] = createdBy,
        };
    }

    public static IReadOnlyList<string> SupportedParams(string mode) => mode switch
    {
        "embedding" => EmbeddingParams,
        "completion" => CompletionParams,
        _ => ChatParams,
    };

    private static bool Flag(JsonObject? entry, string field) => JsonRead.Bool(entry?[field]) == true;

    private static JsonObject PublicParams(JsonObject litellmParams)
    {
        var result = new JsonObject();
        foreach (var (field, value) in WithDefaults(litellmParams))
        {
            if (SecretParams.Contains(field))
            {
                continue;
            }

            var secretLike = field.Contains("key", StringComparison.OrdinalIgnoreCase) || field.Contains("secret", StringComparison.OrdinalIgnoreCase);
            result[field] = secretLike && JsonRead.String(value) is { } text ? VirtualKey.Mask(text) : value?.DeepClone();
        }

        return result;
    }

    private static IEnumerable<KeyValuePair<string, JsonNode?>> WithDefaults(JsonObject litellmParams)
    {
        foreach (var pair in litellmParams)
        {
            yield return pair;
        }

        foreach (var flag in new[] { "use_in_pass_through", "use_litellm_proxy", "merge_reasoning_content_in_choices" })
        {
            if (!litellmParams.ContainsKey(flag))
            {
                yield return new(flag, JsonValue.Create(false));
            }
        }
    }

    /// <summary>Opaque base64url ciphertext standing in for LiteLLM's NaCl SecretBox encryption of stored strings.</summary>
    private static string Encrypt(string value, string salt)
    {
        var plain = System.Text.Encoding.UTF8.GetBytes(value);
        var pad = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(salt + value));
        var nonce = pad.AsSpan(0, 24).ToArray();
        var sealedBytes = plain.Select((b, i) => (byte)(b ^ pad[i % pad.Length])).ToArray();
        return Convert.ToBase64String([.. nonce, .. sealedBytes]).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
