using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace OneAIHub.Grains.LiteLLM;

/// <summary>
/// <see cref="ILiteLLMClient"/> over a typed <see cref="HttpClient"/> whose resilience pipeline (timeout, GET-only
/// retries, circuit breaker) is set up by <see cref="LiteLLMServiceCollectionExtensions.AddLiteLLMClient"/>.
/// </summary>
public sealed class LiteLLMClient(HttpClient http, IOptions<LiteLLMOptions> options) : ILiteLLMClient
{
    private readonly LiteLLMOptions _options = options.Value;

    public bool IsConfigured => _options.IsConfigured;

    public Task<IReadOnlyList<LiteLLMModel>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        DataAsync<LiteLLMModel>("v1/models", cancellationToken);

    public Task<IReadOnlyList<LiteLLMDeployment>> GetModelInfoAsync(string? litellmModelId = null, CancellationToken cancellationToken = default) =>
        DataAsync<LiteLLMDeployment>(Query("model/info", ("litellm_model_id", litellmModelId)), cancellationToken);

    public Task<IReadOnlyList<LiteLLMModelGroupInfo>> GetModelGroupInfoAsync(string? modelGroup = null, CancellationToken cancellationToken = default) =>
        DataAsync<LiteLLMModelGroupInfo>(Query("model_group/info", ("model_group", modelGroup)), cancellationToken);

    public Task<LiteLLMModelRow> AddModelAsync(LiteLLMModelRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<LiteLLMModelRequest, LiteLLMModelRow>("model/new", request, null, cancellationToken);

    public Task<LiteLLMModelRow> UpdateModelAsync(LiteLLMModelRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<LiteLLMModelRequest, LiteLLMModelRow>("model/update", request, null, cancellationToken);

    public Task<LiteLLMMessage> DeleteModelAsync(string modelId, CancellationToken cancellationToken = default) =>
        PostAsync<LiteLLMIdRequest, LiteLLMMessage>("model/delete", new LiteLLMIdRequest(modelId), null, cancellationToken);

    public Task<LiteLLMChatCompletion> CreateChatCompletionAsync(LiteLLMChatCompletionRequest request, string? apiKey = null, CancellationToken cancellationToken = default) =>
        PostAsync<LiteLLMChatCompletionRequest, LiteLLMChatCompletion>("v1/chat/completions", request, apiKey, cancellationToken);

    public Task<LiteLLMTextCompletion> CreateCompletionAsync(LiteLLMCompletionRequest request, string? apiKey = null, CancellationToken cancellationToken = default) =>
        PostAsync<LiteLLMCompletionRequest, LiteLLMTextCompletion>("v1/completions", request, apiKey, cancellationToken);

    public Task<LiteLLMEmbeddingResponse> CreateEmbeddingsAsync(LiteLLMEmbeddingRequest request, string? apiKey = null, CancellationToken cancellationToken = default) =>
        PostAsync<LiteLLMEmbeddingRequest, LiteLLMEmbeddingResponse>("v1/embeddings", request, apiKey, cancellationToken);

    public Task<LiteLLMTokenCount> CountTokensAsync(LiteLLMTokenCountRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<LiteLLMTokenCountRequest, LiteLLMTokenCount>("utils/token_counter", request, null, cancellationToken);

    public Task<LiteLLMGeneratedKey> GenerateKeyAsync(LiteLLMGenerateKeyRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<LiteLLMGenerateKeyRequest, LiteLLMGeneratedKey>("key/generate", request, null, cancellationToken);

    public Task<LiteLLMKeyRow> UpdateKeyAsync(LiteLLMUpdateKeyRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<LiteLLMUpdateKeyRequest, LiteLLMKeyRow>("key/update", request, null, cancellationToken);

    public Task<LiteLLMKeyRow> ClearKeyBudgetAsync(string key, CancellationToken cancellationToken = default) =>
        PostAsync<LiteLLMClearKeyBudgetRequest, LiteLLMKeyRow>("key/update", new LiteLLMClearKeyBudgetRequest(key), null, cancellationToken);

    public Task<LiteLLMKeyInfo> GetKeyInfoAsync(string key, CancellationToken cancellationToken = default) =>
        GetAsync<LiteLLMKeyInfo>(Query("key/info", ("key", key)), cancellationToken);

    public async Task<IReadOnlyList<string>> DeleteKeysAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default) =>
        (await PostAsync<LiteLLMDeleteKeysRequest, LiteLLMDeletedKeys>("key/delete", new LiteLLMDeleteKeysRequest { Keys = [.. keys] }, null, cancellationToken)).DeletedKeys;

    public async Task<IReadOnlyList<string>> DeleteKeysByAliasAsync(IEnumerable<string> keyAliases, CancellationToken cancellationToken = default) =>
        (await PostAsync<LiteLLMDeleteKeysRequest, LiteLLMDeletedKeys>("key/delete", new LiteLLMDeleteKeysRequest { KeyAliases = [.. keyAliases] }, null, cancellationToken)).DeletedKeys;

    public Task<LiteLLMKeyPage<string>> ListKeysAsync(LiteLLMKeyListQuery? query = null, CancellationToken cancellationToken = default) =>
        GetAsync<LiteLLMKeyPage<string>>(KeyListPath(query, fullObjects: false), cancellationToken);

    public Task<LiteLLMKeyPage<LiteLLMKeyRow>> ListKeyDetailsAsync(LiteLLMKeyListQuery? query = null, CancellationToken cancellationToken = default) =>
        GetAsync<LiteLLMKeyPage<LiteLLMKeyRow>>(KeyListPath(query, fullObjects: true), cancellationToken);

    public Task<IReadOnlyList<LiteLLMSpendLog>> GetSpendLogsAsync(LiteLLMSpendLogQuery? query = null, CancellationToken cancellationToken = default)
    {
        var hasRange = query?.StartDate is not null && query.EndDate is not null;
        return GetAsync<IReadOnlyList<LiteLLMSpendLog>>(
            Query(
                "spend/logs",
                ("api_key", query?.ApiKey),
                ("user_id", query?.UserId),
                ("request_id", query?.RequestId),
                ("start_date", Date(query?.StartDate)),
                ("end_date", Date(query?.EndDate)),
                ("summarize", hasRange ? "false" : null)),
            cancellationToken);
    }

    public Task<IReadOnlyList<LiteLLMDailySpend>> GetDailySpendAsync(DateOnly startDate, DateOnly endDate, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<LiteLLMDailySpend>>(
            Query("spend/logs", ("start_date", Date(startDate)), ("end_date", Date(endDate)), ("summarize", "true")),
            cancellationToken);

    public async Task<decimal> CalculateSpendAsync(LiteLLMSpendCalculateRequest request, CancellationToken cancellationToken = default) =>
        (await PostAsync<LiteLLMSpendCalculateRequest, LiteLLMSpendCost>("spend/calculate", request, null, cancellationToken)).Cost;

    public Task<IReadOnlyList<LiteLLMSpendTag>> GetSpendTagsAsync(DateOnly? startDate = null, DateOnly? endDate = null, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<LiteLLMSpendTag>>(Query("spend/tags", ("start_date", Date(startDate)), ("end_date", Date(endDate))), cancellationToken);

    public Task<IReadOnlyList<LiteLLMSpendReportEntry>> GetGlobalSpendReportAsync(LiteLLMSpendReportQuery query, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<LiteLLMSpendReportEntry>>(
            Query(
                "global/spend/report",
                ("start_date", Date(query.StartDate)),
                ("end_date", Date(query.EndDate)),
                ("group_by", query.GroupBy),
                ("api_key", query.ApiKey),
                ("internal_user_id", query.InternalUserId),
                ("team_id", query.TeamId),
                ("customer_id", query.CustomerId)),
            cancellationToken);

    public Task<LiteLLMBudget> CreateBudgetAsync(LiteLLMBudgetRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<LiteLLMBudgetRequest, LiteLLMBudget>("budget/new", request, null, cancellationToken);

    public Task<LiteLLMBudget> UpdateBudgetAsync(LiteLLMBudgetRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<LiteLLMBudgetRequest, LiteLLMBudget>("budget/update", request, null, cancellationToken);

    public Task<IReadOnlyList<LiteLLMBudget>> GetBudgetsAsync(IEnumerable<string> budgetIds, CancellationToken cancellationToken = default) =>
        PostAsync<LiteLLMBudgetIds, IReadOnlyList<LiteLLMBudget>>("budget/info", new LiteLLMBudgetIds([.. budgetIds]), null, cancellationToken);

    public Task<IReadOnlyList<LiteLLMBudget>> ListBudgetsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<LiteLLMBudget>>("budget/list", cancellationToken);

    public Task<LiteLLMBudget> DeleteBudgetAsync(string budgetId, CancellationToken cancellationToken = default) =>
        PostAsync<LiteLLMIdRequest, LiteLLMBudget>("budget/delete", new LiteLLMIdRequest(budgetId), null, cancellationToken);

    public Task<LiteLLMHealth> GetHealthAsync(string? model = null, CancellationToken cancellationToken = default) =>
        GetAsync<LiteLLMHealth>(Query("health", ("model", model)), cancellationToken);

    public Task<string> GetLivelinessAsync(CancellationToken cancellationToken = default) =>
        GetAsync<string>("health/liveliness", cancellationToken);

    public Task<LiteLLMReadiness> GetReadinessAsync(CancellationToken cancellationToken = default) =>
        GetAsync<LiteLLMReadiness>("health/readiness", cancellationToken);

    private static string KeyListPath(LiteLLMKeyListQuery? query, bool fullObjects) => Query(
        "key/list",
        ("page", query?.Page?.ToString(CultureInfo.InvariantCulture)),
        ("size", query?.Size?.ToString(CultureInfo.InvariantCulture)),
        ("user_id", query?.UserId),
        ("team_id", query?.TeamId),
        ("organization_id", query?.OrganizationId),
        ("key_hash", query?.KeyHash),
        ("key_alias", query?.KeyAlias),
        ("sort_by", query?.SortBy),
        ("sort_order", query?.SortOrder),
        ("return_full_object", fullObjects ? "true" : null));

    private async Task<IReadOnlyList<T>> DataAsync<T>(string path, CancellationToken cancellationToken) =>
        (await GetAsync<LiteLLMDataList<T>>(path, cancellationToken)).Data;

    private Task<TResponse> GetAsync<TResponse>(string path, CancellationToken cancellationToken) =>
        SendAsync<TResponse>(HttpMethod.Get, path, null, null, cancellationToken);

    private Task<TResponse> PostAsync<TRequest, TResponse>(string path, TRequest body, string? apiKey, CancellationToken cancellationToken) =>
        SendAsync<TResponse>(HttpMethod.Post, path, JsonContent.Create(body, options: LiteLLMJson.Options), apiKey, cancellationToken);

    private async Task<TResponse> SendAsync<TResponse>(HttpMethod method, string path, HttpContent? content, string? apiKey, CancellationToken cancellationToken)
    {
        if (!_options.IsConfigured)
        {
            throw new LiteLLMException(LiteLLMErrorKind.NotConfigured, "LiteLLM is not configured: set LiteLLM:BaseUrl.") { Path = path };
        }

        using var request = new HttpRequestMessage(method, path) { Content = content };
        var key = apiKey ?? _options.MasterKey;
        if (!string.IsNullOrEmpty(key))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw LiteLLMErrorParser.FromResponse(response.StatusCode, body, path);
            }

            try
            {
                return JsonSerializer.Deserialize<TResponse>(body, LiteLLMJson.Options)
                    ?? throw new JsonException("The body is JSON null.");
            }
            catch (JsonException e)
            {
                throw new LiteLLMException(LiteLLMErrorKind.InvalidResponse, $"LiteLLM answered {path} with unexpected JSON: {e.Message}", e)
                {
                    StatusCode = response.StatusCode,
                    ResponseBody = body,
                    Path = path,
                };
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutRejectedException e)
        {
            throw Timeout(path, e);
        }
        catch (OperationCanceledException e)
        {
            throw Timeout(path, e);
        }
        catch (BrokenCircuitException e)
        {
            throw new LiteLLMException(LiteLLMErrorKind.Unavailable, $"LiteLLM is unavailable: the circuit is open after repeated failures ({path}).", e) { Path = path };
        }
        catch (HttpRequestException e)
        {
            throw new LiteLLMException(LiteLLMErrorKind.Unavailable, $"LiteLLM could not be reached at {http.BaseAddress}{path}: {e.Message}", e) { Path = path };
        }
    }

    private LiteLLMException Timeout(string path, Exception inner) =>
        new(LiteLLMErrorKind.Timeout, $"LiteLLM did not answer {path} within {_options.Timeout.TotalSeconds:0.###} s.", inner) { Path = path };

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Query(string path, params (string Name, string? Value)[] parameters)
    {
        var pairs = parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return pairs.Count == 0 ? path : path + "?" + string.Join('&', pairs);
    }
}
