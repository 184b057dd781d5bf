using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace OneAIHub.Grains.Interfaces.Requests;

/// <summary>
/// The position after the last row of a page, newest first: (created_at, id). Clients see it as an
/// opaque URL-safe string.
/// </summary>
[GenerateSerializer, Immutable, Alias("oneaihub.request-cursor")]
public sealed record RequestCursor(
    [property: Id(0)] DateTime CreatedAt,
    [property: Id(1)] string Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture)}|{Id}"));

    public static bool TryDecode(string? value, out RequestCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(value) || value.Length > 200) return false;
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value));
        }
        catch (FormatException)
        {
            return false;
        }
        var bar = text.IndexOf('|');
        if (bar <= 0 || bar == text.Length - 1
            || !long.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTime.MaxValue.Ticks)
            return false;
        cursor = new RequestCursor(new DateTime(ticks, DateTimeKind.Utc), text[(bar + 1)..]);
        return true;
    }
}
