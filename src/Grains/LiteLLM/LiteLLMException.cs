using System.Net;

namespace OneAIHub.Grains.LiteLLM;

/// <summary>Why a LiteLLM call failed.</summary>
public enum LiteLLMErrorKind
{
    /// <summary>LiteLLM answered with an error status; <see cref="LiteLLMException.StatusCode"/> and its message are kept.</summary>
    ErrorResponse,

    /// <summary>LiteLLM could not be reached (connection refused, reset, DNS) or the circuit breaker is open.</summary>
    Unavailable,

    /// <summary>No answer within <see cref="LiteLLMOptions.Timeout"/>.</summary>
    Timeout,

    /// <summary><see cref="LiteLLMOptions.BaseUrl"/> is empty.</summary>
    NotConfigured,

    /// <summary>LiteLLM answered 2xx with a body that is not the expected JSON.</summary>
    InvalidResponse,
}

/// <summary>Every failure of <see cref="ILiteLLMClient"/>: LiteLLM's own errors (all three body shapes) and transport failures.</summary>
public sealed class LiteLLMException : Exception
{
    public LiteLLMException(LiteLLMErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public LiteLLMErrorKind Kind { get; }

    /// <summary>The HTTP status LiteLLM answered with (only for <see cref="LiteLLMErrorKind.ErrorResponse"/> and <see cref="LiteLLMErrorKind.InvalidResponse"/>).</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary><c>error.type</c> (e.g. <c>auth_error</c>, <c>budget_exceeded</c>) or a validation error's type; null when absent or <c>"None"</c>.</summary>
    public string? ErrorType { get; init; }

    /// <summary><c>error.code</c> as LiteLLM sent it (a string such as <c>"401"</c>).</summary>
    public string? ErrorCode { get; init; }

    /// <summary><c>error.param</c> or the failing field of a validation error; null when absent or <c>"None"</c>.</summary>
    public string? Param { get; init; }

    /// <summary>The raw error body, for logs.</summary>
    public string? ResponseBody { get; init; }

    /// <summary>The LiteLLM path that was called, e.g. <c>key/generate</c>.</summary>
    public string? Path { get; init; }

    public bool IsAuthError => StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;

    /// <summary>Budget exhausted: 400 in LiteLLM 1.82, 429 in newer releases; recognised by <c>error.type</c>.</summary>
    public bool IsBudgetExceeded => ErrorType == "budget_exceeded";

    public bool IsRateLimited => StatusCode == HttpStatusCode.TooManyRequests && !IsBudgetExceeded;

    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;
}
