using System.Globalization;

namespace Wahana.Web.Domain;

/// <summary>Money is whole rupiah in a <c>long</c>; shown as "Rp 1.500.000".</summary>
public static class Rupiah
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static string Format(long amount) =>
        amount < 0
            ? "-Rp " + (-amount).ToString("N0", Indonesian)
            : "Rp " + amount.ToString("N0", Indonesian);

    /// <summary>The message for a value that <see cref="TryParse"/> refuses.</summary>
    public const string ParseMessage = "Tulis nilai dalam rupiah tanpa desimal, misalnya 150.000 atau 150000.";

    /// <summary>
    /// Reads a rupiah amount as people type it: "150.000", "150000", "Rp 150.000", "150 000". Dots and spaces group
    /// thousands; a decimal part (",50") or anything else is refused, as are negative amounts.
    /// </summary>
    public static bool TryParse(string? text, out long amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var digits = text.Trim();
        if (digits.StartsWith("Rp", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[2..].TrimStart('.', ' ');
        }
        digits = digits.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)
            .Replace("\u00a0", "", StringComparison.Ordinal);
        if (digits.Length is 0 or > 15 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }
        amount = long.Parse(digits, CultureInfo.InvariantCulture);
        return true;
    }
}
