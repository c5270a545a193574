using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Reports;

/// <summary>
/// One WKSBM's semester report (/laporan/{wksbm}/{periode}, periode such as 2026-1): the figures compiled from the
/// service records, the narrative, the review steps and their history. The WKSBM's pengurus opening it for the first
/// time creates the draft; the actions are those of <see cref="ReportWorkflow"/>.
/// </summary>
[Authorize(Policy = WahanaPolicies.Reports)]
public sealed class ReportModel(WahanaDbContext db, TimeProvider clock, IOptions<ReportDeadlines> deadlines) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid InstitutionId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Period { get; set; } = "";

    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    public string? Achievements { get; set; }

    [BindProperty]
    public string? Obstacles { get; set; }

    [BindProperty]
    public string? Plans { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public ReportDetails Details { get; private set; } = null!;

    /// <summary>The WKSBM's other reports, newest first (links to them).</summary>
    public IReadOnlyList<(Semester Semester, ReportStatus Status)> OtherReports { get; private set; } = [];

    public DateOnly Today => Wib.Today(clock);

    /// <summary>The WKSBM's own pengurus, on a draft or returned report: may write and submit.</summary>
    public bool MayWrite => ReportWorkflow.MaySubmit(db.CurrentUser.Role) && db.CurrentUser.Scope.InstitutionId == InstitutionId
        && Details.Report is { FiguresAreLive: true };

    public bool MaySubmitNow => MayWrite && ReportWorkflow.HasEnded(Details.Semester, Today);

    public bool MayReview => ReportWorkflow.MayReview(db.CurrentUser.Role) && Details.Report is { Status: ReportStatus.Diajukan };

    public bool MayReopen => ReportWorkflow.MayReview(db.CurrentUser.Role) && Details.Report is { Status: ReportStatus.Disetujui };

    public string PageUrl => $"/laporan/{InstitutionId}/{Period}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Semester.Parse(Period) is not { } semester || semester.Start > Today)
        {
            return NotFound();
        }
        if (!await db.Institutions.AnyAsync(i => i.Id == InstitutionId, cancellationToken))
        {
            return NotFound();
        }
        await ReportWorkflow.OpenAsync(db, InstitutionId, semester, Today, cancellationToken);
        await PrepareAsync(semester, keepInput: false, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken) => ActAsync((id, ct) =>
        ReportWorkflow.SaveDraftAsync(db, id, Version, new(Achievements, Obstacles, Plans), ct), "Narasi laporan disimpan sebagai draf.", cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken) => ActAsync((id, ct) =>
        ReportWorkflow.SubmitAsync(db, id, Version, new(Achievements, Obstacles, Plans), clock.GetUtcNow(), Today, ct),
        "Laporan diajukan ke Dinas Sosial kabupaten/kota. Angkanya kini dibekukan seperti saat diajukan.", cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken) => ActAsync((id, ct) =>
        ReportWorkflow.ApproveAsync(db, id, Version, Reason, clock.GetUtcNow(), ct),
        "Laporan disetujui. Layanan WKSBM ini pada semester tersebut kini terkunci.", cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken cancellationToken) => ActAsync((id, ct) =>
        ReportWorkflow.ReturnAsync(db, id, Version, Reason, clock.GetUtcNow(), ct),
        "Laporan dikembalikan kepada pengurus dengan catatan Anda.", cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(CancellationToken cancellationToken) => ActAsync((id, ct) =>
        ReportWorkflow.ReopenAsync(db, id, Version, Reason, clock.GetUtcNow(), ct),
        "Laporan dibuka kembali; layanan semester itu tidak lagi terkunci sampai laporan disetujui lagi.", cancellationToken);

    private async Task<IActionResult> ActAsync(
        Func<Guid, CancellationToken, Task<ReportWorkflow.Result>> step, string done, CancellationToken cancellationToken)
    {
        if (Semester.Parse(Period) is not { } semester)
        {
            return NotFound();
        }
        var reportId = await db.SemesterReports
            .Where(r => r.InstitutionId == InstitutionId && r.Year == semester.Year && r.Half == semester.Half)
            .Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken);
        if (reportId is null)
        {
            return NotFound();
        }
        var result = await step(reportId.Value, cancellationToken);
        switch (result.Outcome)
        {
            case ReportWorkflow.Outcome.NotFound:
                return NotFound();
            case ReportWorkflow.Outcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case ReportWorkflow.Outcome.Done:
                TempData["Message"] = done;
                return LocalRedirect(PageUrl);
        }
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }
        db.ChangeTracker.Clear();
        await PrepareAsync(semester, keepInput: true, cancellationToken);
        Response.StatusCode = result.Outcome == ReportWorkflow.Outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task PrepareAsync(Semester semester, bool keepInput, CancellationToken cancellationToken)
    {
        Details = (await ReportDetails.LoadAsync(db, InstitutionId, semester, deadlines.Value, cancellationToken))!;
        if (Details.Report is { } report)
        {
            Version = report.Version;
            if (!keepInput)
            {
                (Achievements, Obstacles, Plans) = (report.Achievements, report.Obstacles, report.Plans);
            }
        }
        var others = await db.SemesterReports.AsNoTracking().Where(r => r.InstitutionId == InstitutionId)
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Half)
            .Select(r => new { r.Year, r.Half, r.Status }).Take(12).ToListAsync(cancellationToken);
        OtherReports = [.. others.Select(o => (new Semester(o.Year, o.Half), o.Status))];
    }
}
