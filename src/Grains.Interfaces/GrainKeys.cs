namespace OneAIHub.Grains.Interfaces;

/// <summary>Builds every grain key in one place so callers never disagree on a key's shape.</summary>
public static class GrainKeys
{
    public const string Catalog = "catalog";
    public const string ModelSync = "model-sync";
    public const string BudgetReset = "budget-reset";

    public static string LimitWindow(string userId, string modelId) => $"{userId}/{modelId}";
}
