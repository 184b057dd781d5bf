namespace OneAIHub.Grains.Budgets;

public sealed class BudgetOptions
{
    public const string Section = "Budgets";

    /// <summary>How often the reset reminder looks for budgets whose period has ended (Orleans reminders: at least a minute in production).</summary>
    public TimeSpan ResetCheckPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
