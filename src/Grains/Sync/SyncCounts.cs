namespace OneAIHub.Grains.Sync;

/// <summary>What one run did; for a companies run the counts are companies.</summary>
public readonly record struct SyncCounts(int Created, int Updated, int Unchanged, int Removed, int CompaniesCreated);
