using System.Globalization;

namespace Wahana.Web.Domain;

/// <summary>
/// Counts of people shown to those who may not see the people themselves (the forum, partners): a count below
/// <see cref="SmallestShown"/> could point at someone (UU PDP), so it reads "&lt;5" instead.
/// </summary>
public static class AggregateCount
{
    public const int SmallestShown = 5;

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static bool IsHidden(int value, bool aggregatesOnly) => aggregatesOnly && value is > 0 and < SmallestShown;

    /// <summary>"1.234", or "&lt;5" for a small count seen as an aggregate.</summary>
    public static string Format(int value, bool aggregatesOnly) =>
        IsHidden(value, aggregatesOnly) ? $"<{SmallestShown}" : value.ToString("N0", Indonesian);
}
