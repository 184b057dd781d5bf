using OneAIHub.Tests.LiteLLMStandin.Fixtures;

namespace OneAIHub.Tests.LiteLLMStandin.State;

/// <summary>
/// Everything the stand-in remembers. <see cref="Keys"/>, <see cref="Budgets"/> and <see cref="Spend"/> are guarded by
/// <see cref="Gate"/>; <see cref="Models"/>, <see cref="Faults"/> and <see cref="Journal"/> are thread-safe themselves.
/// </summary>
internal sealed class StandinState
{
    public const string LiteLLMVersion = "1.82.1";

    /// <summary><c>litellm_proxy_admin_name</c>: the user id of master-key calls.</summary>
    public const string AdminUserId = "default_user_id";

    public StandinState(StandinOptions options)
    {
        MasterKey = string.IsNullOrEmpty(options.MasterKey) ? null : options.MasterKey;
        Models = new ModelRegistry(ModelFixture.Load(options.ModelsPath));
        Journal = new RequestJournal(options.JournalCapacity);
        Reset();
    }

    public Lock Gate { get; } = new();

    public string? MasterKey { get; }

    public ModelRegistry Models { get; }

    public KeyStore Keys { get; } = new();

    public BudgetStore Budgets { get; } = new();

    public SpendLedger Spend { get; } = new();

    public FaultBook Faults { get; } = new();

    public RequestJournal Journal { get; }

    /// <summary>HTTP status of <c>budget_exceeded</c>: 400 in LiteLLM 1.82.1, 429 in newer releases.</summary>
    public int BudgetExceededStatus { get; set; } = StatusCodes.Status400BadRequest;

    public void Reset()
    {
        Models.Reset();
        Faults.Clear();
        Journal.Clear();
        lock (Gate)
        {
            Keys.Reset();
            Budgets.Reset();
            Spend.Reset();
            BudgetExceededStatus = StatusCodes.Status400BadRequest;
        }
    }
}
