using System.Globalization;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Distributions;

/// <summary>The screen names of service kinds, forms and funding sources (<see cref="ServiceNames"/>), and the period codes ("2026-1").</summary>
public static class DistributionText
{
    public static string KindName(ServiceKind kind) => ServiceNames.Kind(kind);

    public static string FormName(ServiceForm form) => ServiceNames.Form(form);

    public static string FundingName(FundingSource source) => ServiceNames.Funding(source);

    /// <summary>Reads a semester written as "2026-1" or "2026-2".</summary>
    public static Semester? ParseSemester(string? text)
    {
        var value = text?.Trim();
        if (value is not { Length: 6 } || value[4] != '-' || value[5] is not ('1' or '2')
            || !int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000 || year > 2100)
        {
            return null;
        }
        return new Semester(year, value[5] - '0');
    }

    public static string SemesterName(Semester semester) =>
        string.Create(CultureInfo.InvariantCulture, $"Semester {semester.Half} tahun {semester.Year} ({semester})");

    public static string Date(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
}
