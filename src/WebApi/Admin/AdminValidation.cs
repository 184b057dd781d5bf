using System.Globalization;
using OneAIHub.WebApi.Common;

namespace OneAIHub.WebApi.Admin;

/// <summary>Field rules of the admin catalog forms, on top of <see cref="Validator"/>.</summary>
public static class AdminValidation
{
    public const decimal MaxPricePerMillion = 1_000_000m;

    /// <summary>A required amount in [0, <paramref name="max"/>] with no more decimals than its column stores.</summary>
    public static Validator Amount(this Validator validator, string field, decimal? value, string label, decimal max, int decimals)
    {
        if (value is null) return validator.Add(field, $"{label} is required.");
        return validator.OptionalAmount(field, value, label, max, decimals);
    }

    /// <summary>Like <see cref="Amount"/>, but null is allowed.</summary>
    public static Validator OptionalAmount(this Validator validator, string field, decimal? value, string label, decimal max, int decimals)
    {
        if (value is not { } amount) return validator;
        if (amount < 0 || amount > max) return validator.Add(field, $"{label} must be between 0 and {max.ToString("#,0", CultureInfo.InvariantCulture)}.");
        if (decimal.Round(amount, decimals) != amount) validator.Add(field, $"{label} may have at most {decimals} decimal places.");
        return validator;
    }

    /// <summary>A required whole number of zero or more (rate limits: 0 means no limit).</summary>
    public static Validator Count(this Validator validator, string field, int? value, string label)
    {
        if (value is null) return validator.Add(field, $"{label} is required.");
        return validator.NonNegative(field, (long)value, label);
    }
}
