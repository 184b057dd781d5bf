-- The budget reset reminder looks for budgets whose period has ended.
CREATE INDEX IF NOT EXISTS ix_budgets_reset ON budgets (reset_at);
