using System.Globalization;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Reports;

/// <summary>
/// Configuration section Wahana:Reports: when a semester's report is due. Semester 1 (January-June) is due on
/// <see cref="FirstHalfDue"/> of the same year, semester 2 on <see cref="SecondHalfDue"/> of the next year.
/// Written as day-month ("15-07"); the defaults are 15 July and 15 January.
/// </summary>
public sealed class ReportDeadlines
{
    public const string Section = "Wahana:Reports";

    public string FirstHalfDue { get; set; } = "15-07";

    public string SecondHalfDue { get; set; } = "15-01";

    /// <summary>The last day on which a report of <paramref name="semester"/> is on time.</summary>
    public DateOnly DueOn(Semester semester)
    {
        var (day, month) = DayMonth(semester.Half == 1 ? FirstHalfDue : SecondHalfDue);
        return new DateOnly(semester.Half == 1 ? semester.Year : semester.Year + 1, month, day);
    }

    /// <summary>On time when first submitted on or before the due day (in WIB); not yet submitted is not on time.</summary>
    public bool IsOnTime(SemesterReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.FirstSubmittedAt is { } submitted
            && DateOnly.FromDateTime(submitted.ToOffset(TimeSpan.FromHours(7)).DateTime) <= DueOn(report.Semester);
    }

    private static (int Day, int Month) DayMonth(string text)
    {
        var parts = text.Split('-', '/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2001, month))
        {
            return (day, month);
        }
        throw new InvalidOperationException($"{Section}: \"{text}\" is not a day-month such as 15-07.");
    }
}
