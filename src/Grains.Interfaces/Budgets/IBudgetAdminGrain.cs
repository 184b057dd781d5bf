namespace OneAIHub.Grains.Interfaces.Budgets;

/// <summary>Every hub budget across users, and their reconciliation with LiteLLM (stateless worker).</summary>
public interface IBudgetAdminGrain : IGrainWithIntegerKey
{
    Task<IReadOnlyList<AdminBudget>> ListAsync();

    /// <summary>Compares each hub budget with LiteLLM and re-pushes (through its owner's grain) those missing or different there.</summary>
    Task<BudgetSyncReport> SyncAsync();
}
