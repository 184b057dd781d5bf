using OneAIHub.Grains.Interfaces.Proxy;

namespace OneAIHub.WebApi.Proxy;

/// <summary>How each refusal is answered: HTTP status, OpenAI error type and code.</summary>
public static class AdmitErrors
{
    public static (int Status, string Type, string Code) For(AdmitOutcome outcome) => outcome switch
    {
        AdmitOutcome.InvalidKey => (401, "invalid_request_error", "invalid_api_key"),
        AdmitOutcome.KeyExpired => (401, "invalid_request_error", "api_key_expired"),
        AdmitOutcome.KeyRevoked => (401, "invalid_request_error", "api_key_revoked"),
        AdmitOutcome.ModelNotFound => (404, "invalid_request_error", "model_not_found"),
        AdmitOutcome.ModelDisabled => (404, "invalid_request_error", "model_not_available"),
        AdmitOutcome.ModelNotAllowedForKey => (403, "permission_error", "model_not_allowed_for_key"),
        AdmitOutcome.ModelNotInTier => (403, "permission_error", "model_not_in_tier"),
        AdmitOutcome.PendingApproval => (403, "permission_error", "account_pending_approval"),
        AdmitOutcome.Suspended => (403, "permission_error", "account_suspended"),
        AdmitOutcome.RateLimited => (429, "rate_limit_error", "rate_limit_exceeded"),
        AdmitOutcome.RequestTooLarge => (429, "rate_limit_error", "request_too_large"),
        AdmitOutcome.MonthlyTokenLimitReached => (429, "rate_limit_error", "monthly_token_limit_exceeded"),
        AdmitOutcome.BudgetExceeded => (429, "budget_exceeded", "budget_exceeded"),
        AdmitOutcome.InsufficientBalance => (402, "insufficient_quota", "insufficient_quota"),
        _ => (500, "server_error", "internal_error"),
    };

    /// <summary>The metric label of a refusal.</summary>
    public static string Reason(AdmitOutcome outcome) => outcome.ToString();
}
