using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Reports;

/// <summary>
/// A WKSBM's report for one semester as shown (page) and answered (API): the stored report if any, its figures (live
/// from <see cref="ServedFiguresQuery"/> while it is a draft or returned or not started, the frozen submission once
/// submitted), its deadline and its history.
/// </summary>
public sealed record ReportDetails(
    SemesterReport? Report,
    Guid InstitutionId,
    string InstitutionName,
    string RegencyCode,
    Semester Semester,
    ServedFigures Figures,
    bool FiguresFrozen,
    DateOnly DueOn,
    bool OnTime,
    IReadOnlyList<SemesterReportStep> Steps)
{
    public ReportStatus? Status => Report?.Status;

    /// <summary>The report of the WKSBM (in scope) for the semester, or null when the WKSBM is out of scope.</summary>
    public static async Task<ReportDetails?> LoadAsync(
        WahanaDbContext db, Guid institutionId, Semester semester, ReportDeadlines deadlines, CancellationToken cancellationToken)
    {
        var institution = await db.Institutions.AsNoTracking().Where(i => i.Id == institutionId)
            .Select(i => new { i.Id, i.Name, i.RegencyCode }).SingleOrDefaultAsync(cancellationToken);
        if (institution is null)
        {
            return null;
        }
        var report = await db.SemesterReports.AsNoTracking()
            .SingleOrDefaultAsync(r => r.InstitutionId == institutionId && r.Year == semester.Year && r.Half == semester.Half, cancellationToken);
        return await CompleteAsync(db, report, institution.Id, institution.Name, institution.RegencyCode, semester, deadlines, cancellationToken);
    }

    /// <summary>The report with this id in scope, or null.</summary>
    public static async Task<ReportDetails?> LoadAsync(WahanaDbContext db, Guid reportId, ReportDeadlines deadlines, CancellationToken cancellationToken)
    {
        var report = await db.SemesterReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return null;
        }
        // Whoever sees a report sees its WKSBM (the same scope).
        var name = await db.Institutions.Where(i => i.Id == report.InstitutionId).Select(i => i.Name).SingleOrDefaultAsync(cancellationToken) ?? "";
        return await CompleteAsync(db, report, report.InstitutionId, name, report.RegencyCode, report.Semester, deadlines, cancellationToken);
    }

    private static async Task<ReportDetails> CompleteAsync(
        WahanaDbContext db, SemesterReport? report, Guid institutionId, string name, string regencyCode, Semester semester,
        ReportDeadlines deadlines, CancellationToken cancellationToken)
    {
        var frozen = report is { FiguresAreLive: false, SubmittedFigures: not null };
        var figures = frozen
            ? ReportFigures.Deserialize(report!.SubmittedFigures!)
            : (await new ServedFiguresQuery(db).LoadAsync(semester, null, institutionId, cancellationToken)).Of(institutionId);
        var steps = report is null
            ? []
            : await db.SemesterReportSteps.AsNoTracking().Where(s => s.ReportId == report.Id).OrderBy(s => s.At).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        return new ReportDetails(
            report, institutionId, name, regencyCode, semester, figures, frozen, deadlines.DueOn(semester),
            report is not null && deadlines.IsOnTime(report), steps);
    }

    public static string Date(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
}
