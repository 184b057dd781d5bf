using OneAIHub.WebApi.Common;

namespace OneAIHub.WebApi.Auth;

/// <summary>At least 10 characters with a letter and a digit; at most 128.</summary>
public static class PasswordRules
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    public static void Check(Validator validator, string field, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            validator.Add(field, "Password is required.");
            return;
        }
        if (password.Length < MinLength) validator.Add(field, $"Password must be at least {MinLength} characters.");
        if (password.Length > MaxLength) validator.Add(field, $"Password must be at most {MaxLength} characters.");
        if (!password.Any(char.IsLetter) || !password.Any(char.IsDigit))
            validator.Add(field, "Password must contain at least one letter and one digit.");
    }
}
