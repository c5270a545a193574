using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;

namespace Wahana.Web.Features.Assessments;

/// <summary>The assessments of one WKSBM, newest first; 404 when the WKSBM is outside the user's scope.</summary>
public sealed class HistoryModel(WahanaDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(
        int Year, int Half, decimal Score, StrengthLevel Level, AssessmentStatus Status,
        string SubmittedBy, DateTimeOffset SubmittedAt, string? VerifiedBy, DateTimeOffset? VerifiedAt);

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public string InstitutionName { get; private set; } = "";

    public string RegencyName { get; private set; } = "";

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public AssessmentRight Right { get; private set; }

    /// <summary>The semesters a writer is offered: the current one, and the previous one while it has no assessment.</summary>
    public IReadOnlyList<Semester> OpenSemesters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var institution = await db.Institutions.AsNoTracking().Where(i => i.Id == Id)
            .Select(i => new { i.Name, i.RegencyCode }).SingleOrDefaultAsync(cancellationToken);
        if (institution is null)
        {
            return NotFound();
        }
        InstitutionName = institution.Name;
        RegencyName = RegionCatalog.Instance.RegencyName(institution.RegencyCode);
        Rows = await db.Assessments.AsNoTracking().Where(a => a.InstitutionId == Id)
            .OrderByDescending(a => a.Year).ThenByDescending(a => a.Half)
            .Select(a => new Row(a.Year, a.Half, a.Score, a.Level, a.Status, a.SubmittedBy, a.SubmittedAt, a.VerifiedBy, a.VerifiedAt))
            .ToListAsync(cancellationToken);
        Right = AssessmentWriter.RightOf(db.CurrentUser.Role);
        var current = Semester.Of(Wib.Today(clock));
        OpenSemesters = HasAssessment(current.Previous) ? [current] : [current, current.Previous];
        return Page();
    }

    public bool HasAssessment(Semester semester) => RowOf(semester) is not null;

    public Row? RowOf(Semester semester) => Rows.FirstOrDefault(r => r.Year == semester.Year && r.Half == semester.Half);

    /// <summary>The button text for a semester, by what exists and what the user may do with it.</summary>
    public string ActionLabel(Semester semester) => RowOf(semester)?.Status switch
    {
        null => "Isi penilaian {0}",
        AssessmentStatus.Diajukan when Right == AssessmentRight.Verify => "Verifikasi penilaian {0}",
        AssessmentStatus.Diajukan => "Ubah penilaian {0}",
        _ when Right == AssessmentRight.Verify => "Koreksi penilaian {0}",
        _ => "Lihat penilaian {0}",
    };
}
