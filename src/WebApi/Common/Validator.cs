using System.Net.Mail;

namespace OneAIHub.WebApi.Common;

/// <summary>Collects field errors for an RFC 7807 validation problem.</summary>
public sealed class Validator
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public IDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public Validator Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public Validator Require(string field, string? value, string label, int maxLength = 255)
    {
        if (string.IsNullOrWhiteSpace(value)) return Add(field, $"{label} is required.");
        if (value.Length > maxLength) Add(field, $"{label} must be at most {maxLength} characters.");
        return this;
    }

    public Validator MaxLength(string field, string? value, string label, int maxLength)
    {
        if (value is not null && value.Length > maxLength) Add(field, $"{label} must be at most {maxLength} characters.");
        return this;
    }

    public Validator Email(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Add(field, "Email is required.");
        if (!IsEmail(value.Trim())) Add(field, "Email is not a valid address.");
        return this;
    }

    public Validator NonNegative(string field, decimal? value, string label)
    {
        if (value < 0) Add(field, $"{label} must be zero or more.");
        return this;
    }

    public Validator NonNegative(string field, long? value, string label)
    {
        if (value < 0) Add(field, $"{label} must be zero or more.");
        return this;
    }

    public Validator OneOf(string field, string? value, IReadOnlyCollection<string> allowed, string label)
    {
        if (value is not null && !allowed.Contains(value)) Add(field, $"{label} must be one of: {string.Join(", ", allowed)}.");
        return this;
    }

    public static bool IsEmail(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value
        && address.Host.Contains('.') && !value.Any(char.IsWhiteSpace);

    public static string NormalizeEmail(string value) => value.Trim().ToLowerInvariant();
}
