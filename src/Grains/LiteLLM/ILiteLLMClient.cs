namespace OneAIHub.Grains.LiteLLM;

/// <summary>
/// The hub's typed client for a LiteLLM proxy's management and LLM APIs. Calls use the master key unless an
/// <c>apiKey</c> is given. Every failure is a <see cref="LiteLLMException"/>.
/// </summary>
public interface ILiteLLMClient
{
    bool IsConfigured { get; }

    /// <summary><c>GET /v1/models</c>: the model groups the master key sees.</summary>
    Task<IReadOnlyList<LiteLLMModel>> ListModelsAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GET /model/info</c>: every deployment with its prices, limits and capabilities.</summary>
    Task<IReadOnlyList<LiteLLMDeployment>> GetModelInfoAsync(string? litellmModelId = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /model_group/info</c>.</summary>
    Task<IReadOnlyList<LiteLLMModelGroupInfo>> GetModelGroupInfoAsync(string? modelGroup = null, CancellationToken cancellationToken = default);

    /// <summary><c>POST /model/new</c> (needs LiteLLM's DB with <c>STORE_MODEL_IN_DB</c>).</summary>
    Task<LiteLLMModelRow> AddModelAsync(LiteLLMModelRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>POST /model/update</c>; <c>request.ModelInfo.Id</c> names the DB deployment.</summary>
    Task<LiteLLMModelRow> UpdateModelAsync(LiteLLMModelRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>POST /model/delete</c>.</summary>
    Task<LiteLLMMessage> DeleteModelAsync(string modelId, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v1/chat/completions</c>, non-streaming.</summary>
    Task<LiteLLMChatCompletion> CreateChatCompletionAsync(LiteLLMChatCompletionRequest request, string? apiKey = null, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v1/completions</c>, non-streaming.</summary>
    Task<LiteLLMTextCompletion> CreateCompletionAsync(LiteLLMCompletionRequest request, string? apiKey = null, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v1/embeddings</c>.</summary>
    Task<LiteLLMEmbeddingResponse> CreateEmbeddingsAsync(LiteLLMEmbeddingRequest request, string? apiKey = null, CancellationToken cancellationToken = default);

    /// <summary><c>POST /utils/token_counter</c>.</summary>
    Task<LiteLLMTokenCount> CountTokensAsync(LiteLLMTokenCountRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>POST /key/generate</c>.</summary>
    Task<LiteLLMGeneratedKey> GenerateKeyAsync(LiteLLMGenerateKeyRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>POST /key/update</c>.</summary>
    Task<LiteLLMKeyRow> UpdateKeyAsync(LiteLLMUpdateKeyRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>POST /key/update</c> with <c>max_budget</c> and <c>budget_duration</c> sent as null: the key has no budget any more.</summary>
    Task<LiteLLMKeyRow> ClearKeyBudgetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary><c>GET /key/info?key=</c> (raw key or hash).</summary>
    Task<LiteLLMKeyInfo> GetKeyInfoAsync(string key, CancellationToken cancellationToken = default);

    /// <summary><c>POST /key/delete</c> by keys (raw or hash); returns what LiteLLM reports deleted.</summary>
    Task<IReadOnlyList<string>> DeleteKeysAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default);

    /// <summary><c>POST /key/delete</c> by aliases.</summary>
    Task<IReadOnlyList<string>> DeleteKeysByAliasAsync(IEnumerable<string> keyAliases, CancellationToken cancellationToken = default);

    /// <summary><c>GET /key/list</c>: key hashes.</summary>
    Task<LiteLLMKeyPage<string>> ListKeysAsync(LiteLLMKeyListQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /key/list?return_full_object=true</c>: key rows.</summary>
    Task<LiteLLMKeyPage<LiteLLMKeyRow>> ListKeyDetailsAsync(LiteLLMKeyListQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /spend/logs</c>: rows, newest first.</summary>
    Task<IReadOnlyList<LiteLLMSpendLog>> GetSpendLogsAsync(LiteLLMSpendLogQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /spend/logs?start_date&amp;end_date&amp;summarize=true</c>: per-day totals.</summary>
    Task<IReadOnlyList<LiteLLMDailySpend>> GetDailySpendAsync(DateOnly startDate, DateOnly endDate, CancellationToken cancellationToken = default);

    /// <summary><c>POST /spend/calculate</c>: cost in USD.</summary>
    Task<decimal> CalculateSpendAsync(LiteLLMSpendCalculateRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>GET /spend/tags</c>.</summary>
    Task<IReadOnlyList<LiteLLMSpendTag>> GetSpendTagsAsync(DateOnly? startDate = null, DateOnly? endDate = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /global/spend/report</c> (enterprise-only in LiteLLM).</summary>
    Task<IReadOnlyList<LiteLLMSpendReportEntry>> GetGlobalSpendReportAsync(LiteLLMSpendReportQuery query, CancellationToken cancellationToken = default);

    /// <summary><c>POST /budget/new</c>.</summary>
    Task<LiteLLMBudget> CreateBudgetAsync(LiteLLMBudgetRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>POST /budget/update</c>; <c>request.BudgetId</c> is required.</summary>
    Task<LiteLLMBudget> UpdateBudgetAsync(LiteLLMBudgetRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>POST /budget/info</c>.</summary>
    Task<IReadOnlyList<LiteLLMBudget>> GetBudgetsAsync(IEnumerable<string> budgetIds, CancellationToken cancellationToken = default);

    /// <summary><c>GET /budget/list</c>.</summary>
    Task<IReadOnlyList<LiteLLMBudget>> ListBudgetsAsync(CancellationToken cancellationToken = default);

    /// <summary><c>POST /budget/delete</c>: the deleted row.</summary>
    Task<LiteLLMBudget> DeleteBudgetAsync(string budgetId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /health</c> (calls every deployment on a real proxy).</summary>
    Task<LiteLLMHealth> GetHealthAsync(string? model = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /health/liveliness</c>: <c>"I'm alive!"</c>.</summary>
    Task<string> GetLivelinessAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GET /health/readiness</c>.</summary>
    Task<LiteLLMReadiness> GetReadinessAsync(CancellationToken cancellationToken = default);
}
