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
/// A WKSBM's semester report as an A4 page (/laporan/{wksbm}/{periode}/cetak): the letterhead of its kabupaten/kota's
/// Dinas Sosial, the figures of the report page (frozen once submitted), the narrative, the history and the signature
/// blocks; printable from the browser and made into a PDF by <see cref="ReportPdfModel"/>. Reading only: unlike the
/// report page, opening it never creates a draft. Out of scope, unknown WKSBM, unreadable or future period: 404.
/// </summary>
[Authorize(Policy = WahanaPolicies.Reports)]
public sealed class ReportPrintModel(
    WahanaDbContext db, TimeProvider clock, IOptions<ReportDeadlines> deadlines, IOptions<LetterheadOptions> letterheads) : PageModel
{
    /// <summary>A line of the history: the step's name ("Diajukan ulang" for a second submission) and the step.</summary>
    public sealed record HistoryLine(string Name, SemesterReportStep Step);

    public ReportDetails Details { get; private set; } = null!;

    /// <summary>"Kalurahan Bangunharjo, Kapanewon Sewon, Kabupaten Bantul".</summary>
    public string Place { get; private set; } = "";

    public Letterhead Letterhead { get; private set; } = null!;

    public IReadOnlyList<HistoryLine> History { get; private set; } = [];

    /// <summary>The WKSBM's chair, who signs the report.</summary>
    public SignatureBlock ChairSignature { get; private set; } = null!;

    /// <summary>The head of the kabupaten/kota's Dinas Sosial, "Mengetahui," on an approved report; null otherwise.</summary>
    public SignatureBlock? OfficeSignature { get; private set; }

    public DateOnly Today { get; private set; }

    public string ReportPath => $"/laporan/{Details.InstitutionId}/{Details.Semester}";

    public async Task<IActionResult> OnGetAsync(Guid institutionId, string period, CancellationToken cancellationToken)
    {
        var today = Today = Wib.Today(clock);
        if (Semester.Parse(period) is not { } semester || semester.Start > today)
        {
            return NotFound();
        }
        if (await ReportDetails.LoadAsync(db, institutionId, semester, deadlines.Value, cancellationToken) is not { } details)
        {
            return NotFound();
        }
        Details = details;
        var institution = await db.Institutions.AsNoTracking().Where(i => i.Id == institutionId)
            .Select(i => new
            {
                i.VillageCode,
                Chair = i.BoardMembers.Where(m => m.Position == BoardPosition.Ketua).OrderBy(m => m.Name).Select(m => m.Name).FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);
        var catalog = RegionCatalog.Instance;
        Place = catalog.Describe(institution.VillageCode);
        Letterhead = Letterhead.For(details.RegencyCode, letterheads.Value);

        var history = new List<HistoryLine>();
        var submittedBefore = false;
        foreach (var step in details.Steps)
        {
            var resubmission = step.Action == ReportAction.Diajukan && submittedBefore;
            submittedBefore |= step.Action == ReportAction.Diajukan;
            history.Add(new HistoryLine(resubmission ? "Diajukan ulang" : ReportWorkflow.ActionName(step.Action), step));
        }
        History = history;

        var report = details.Report;
        var village = catalog.Find(institution.VillageCode)?.Name ?? Letterhead.Place;
        ChairSignature = new SignatureBlock(
            village, report?.SubmittedAt is { } submitted ? WibDate(submitted) : today, details.InstitutionName.StartsWith("WKSBM", StringComparison.OrdinalIgnoreCase) ? "Ketua " + details.InstitutionName : "Ketua WKSBM " + details.InstitutionName,
            institution.Chair, Identifier: "");
        OfficeSignature = report is { Status: ReportStatus.Disetujui }
            ? new SignatureBlock(Letterhead.Place, report.ApprovedAt is { } approved ? WibDate(approved) : today, Letterhead.HeadTitle, Opening: "Mengetahui,")
            : null;
        return Page();
    }

    /// <summary>The day in Yogyakarta (WIB, UTC+7 all year) of an instant.</summary>
    private static DateOnly WibDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(TimeSpan.FromHours(7)).DateTime);
}
