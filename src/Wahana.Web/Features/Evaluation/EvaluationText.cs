using System.Globalization;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Evaluation;

/// <summary>How the evaluation's figures read on screen (Indonesian number format).</summary>
public static class EvaluationText
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>A count of people; a hidden one (null) reads "&lt;5" (HTML-encoded).</summary>
    public static string People(int? value) => value is { } v ? v.ToString("N0", Indonesian) : "&lt;" + AggregateCount.SmallestShown;

    public static string Rupiah(long? value) => value is { } v ? "Rp " + v.ToString("N0", Indonesian) : "<" + AggregateCount.SmallestShown + " orang";

    public static string Number(decimal value) => value.ToString(value == decimal.Truncate(value) ? "N0" : "N1", Indonesian);

    public static string Percent(decimal share) => (share * 100).ToString("N0", Indonesian) + "%";
}
