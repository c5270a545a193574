using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Reports;

/// <summary>
/// The reminder on a WKSBM board's home page: the report of the last complete semester is not submitted yet (no
/// report, a draft) or was returned for correction. Days left until the due day, or days overdue.
/// </summary>
public sealed record ReportReminder(Guid InstitutionId, Semester Semester, CompletenessStatus Status, DateOnly DueOn, int DaysLeft)
{
    public bool Overdue => DaysLeft < 0;

    public string ReportPath => $"/laporan/{InstitutionId}/{Semester}";

    /// <summary>The reminder for the signed-in user's own WKSBM, or null (not a board member, or nothing to do).</summary>
    public static async Task<ReportReminder?> ForAsync(WahanaDbContext db, ReportDeadlines deadlines, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(deadlines);
        if (db.CurrentUser.Role != WahanaRole.PengurusWksbm || db.CurrentUser.Scope.InstitutionId is not { } institutionId)
        {
            return null;
        }
        var semester = CompletenessQuery.DefaultSemester(today);
        var (year, half) = (semester.Year, semester.Half);
        var active = await db.Institutions.AnyAsync(i => i.Id == institutionId && i.Status == InstitutionStatus.Aktif, cancellationToken);
        var status = await db.SemesterReports
            .Where(r => r.InstitutionId == institutionId && r.Year == year && r.Half == half)
            .Select(r => (ReportStatus?)r.Status).FirstOrDefaultAsync(cancellationToken);
        var shown = status is null ? CompletenessStatus.BelumMulai : CompletenessQuery.StatusOf(status.Value);
        if (!active && status is null || shown is CompletenessStatus.Diajukan or CompletenessStatus.Disetujui)
        {
            return null;
        }
        var due = deadlines.DueOn(semester);
        return new ReportReminder(institutionId, semester, shown, due, due.DayNumber - today.DayNumber);
    }
}
