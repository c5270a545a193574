using System.Globalization;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Assessments;

/// <summary>How the assessment pages write semesters, scores, levels and statuses.</summary>
public static class AssessmentText
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static string SemesterName(int year, int half) =>
        half is 1 or 2 ? new Semester(year, half).Name : $"{year}-{half}";

    /// <summary>True for a real semester that has started by <paramref name="today"/> (assessments are never for the future).</summary>
    public static bool HasStarted(int year, int half, DateOnly today) =>
        half is 1 or 2 && year is >= 2000 and <= 9999 && new Semester(year, half).Start <= today;

    public static string Score(decimal score) => score.ToString("0.0", Indonesian);

    /// <summary>Bootstrap badge classes with enough contrast for each level.</summary>
    public static string LevelBadge(StrengthLevel level) => level switch
    {
        StrengthLevel.Mandiri => "text-bg-success",
        StrengthLevel.Berkembang => "text-bg-primary",
        _ => "text-bg-warning",
    };

    public static string StatusName(AssessmentStatus status) =>
        status == AssessmentStatus.Diverifikasi ? "Diverifikasi" : "Diajukan, menunggu verifikasi";

    public static string Guidance(AssessmentIndicator indicator, int points) => points switch
    {
        1 => indicator.Guidance1,
        2 => indicator.Guidance2,
        3 => indicator.Guidance3,
        _ => indicator.Guidance4,
    };

    public static string Url(Guid institutionId, int year, int half) =>
        string.Create(CultureInfo.InvariantCulture, $"/wksbm/{institutionId}/penilaian/{year}-{half}");
}
