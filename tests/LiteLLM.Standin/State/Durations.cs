using System.Globalization;
using System.Text.RegularExpressions;

namespace OneAIHub.Tests.LiteLLMStandin.State;

/// <summary>LiteLLM durations (<c>&lt;n&gt;s|m|h|d|w|mo</c>, <c>litellm_core_utils/duration_parser.py</c>).</summary>
internal static partial class Durations
{
    [GeneratedRegex(@"^\s*(\d+)\s*(mo|s|m|h|d|w)\s*$")]
    private static partial Regex Pattern();

    public static bool IsValid(string duration) => Pattern().IsMatch(duration);

    /// <summary><paramref name="from"/> plus the duration (used for key <c>expires</c> and budget <c>budget_reset_at</c>).</summary>
    public static DateTimeOffset? Add(DateTimeOffset from, string? duration)
    {
        if (duration is null || Pattern().Match(duration) is not { Success: true } match)
        {
            return null;
        }

        var n = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "s" => from.AddSeconds(n),
            "m" => from.AddMinutes(n),
            "h" => from.AddHours(n),
            "d" => from.AddDays(n),
            "w" => from.AddDays(7 * n),
            _ => from.AddMonths(n),
        };
    }

    /// <summary>
    /// A key's standardised <c>budget_reset_at</c>: day-based durations reset at UTC midnight, 30 days or months on the
    /// first of a month, shorter ones at now + duration (an approximation of <c>timezone_utils.py</c>).
    /// </summary>
    public static DateTimeOffset? StandardisedReset(DateTimeOffset from, string? duration)
    {
        if (duration is null || Pattern().Match(duration) is not { Success: true } match)
        {
            return null;
        }

        var n = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var midnight = new DateTimeOffset(from.UtcDateTime.Date, TimeSpan.Zero);
        var firstOfMonth = new DateTimeOffset(from.Year, from.Month, 1, 0, 0, 0, TimeSpan.Zero);
        return match.Groups[2].Value switch
        {
            "mo" => firstOfMonth.AddMonths(n),
            "d" when n == 30 => firstOfMonth.AddMonths(1),
            "d" => midnight.AddDays(n),
            "w" => midnight.AddDays(7 * n),
            _ => Add(from, duration),
        };
    }
}
