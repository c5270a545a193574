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
/// The semester recap of a kabupaten/kota or of the province (/laporan/rekap?period=2026-1&amp;regency=34.02), printable on
/// A4 with the office letterhead and a signature block, and as PDF (/laporan/rekap/pdf). Every figure comes from
/// <see cref="ServedFiguresQuery"/>; the total line is its total (people counted once), not a sum of the rows.
/// A district office sees its own kabupaten/kota only (another answers 404); the forum sees small counts hidden.
/// </summary>
[Authorize(Policy = WahanaPolicies.RegionWide)]
public sealed class RecapModel(
    WahanaDbContext db, IOptions<ReportDeadlines> deadlines, IOptions<LetterheadOptions> letterheads, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid InstitutionId, string Name, string VillageCode, string RegencyCode, CompletenessStatus Status, Timeliness Timeliness, ServedFigures Figures);

    public Semester Semester { get; private set; }

    /// <summary>The kabupaten/kota of the recap, or null for the whole province.</summary>
    public string? RegencyCode { get; private set; }

    public bool AggregatesOnly => !db.CurrentUser.Scope.SeesPeople;

    /// <summary>The province and the forum may choose a kabupaten/kota; a district office has its own only.</summary>
    public bool CanChooseRegency => db.CurrentUser.Scope.RegencyCode is null;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public ServedFigures Total { get; private set; } = ServedFigures.Empty;

    public CompletenessQuery.Counts ReportCounts { get; private set; } = null!;

    public DateOnly DueOn { get; private set; }

    public Letterhead Letterhead { get; private set; } = null!;

    public SignatureBlock Signature { get; private set; } = null!;

    public IReadOnlyList<Semester> Semesters { get; private set; } = [];

    /// <summary>The query string of this recap (period and kabupaten/kota), for the PDF link.</summary>
    public string QueryString => $"?period={Semester}" + (RegencyCode is null ? "" : $"&regency={RegencyCode}");

    public string Count(int value) => AggregateCount.Format(value, AggregatesOnly);

    public async Task<IActionResult> OnGetAsync(string? period, string? regency, CancellationToken cancellationToken)
    {
        var today = Wib.Today(clock);
        Semester = Semester.Parse(period) is { } asked && asked.Start <= today ? asked : CompletenessQuery.DefaultSemester(today);
        var own = db.CurrentUser.Scope.RegencyCode;
        regency = string.IsNullOrWhiteSpace(regency) ? own : regency.Trim();
        if (regency is not null && (!RegionCatalog.Instance.IsDiyRegency(regency) || own is not null && regency != own))
        {
            return NotFound();
        }
        RegencyCode = regency;

        var completeness = await new CompletenessQuery { Semester = Semester, RegencyCode = RegencyCode }
            .LoadAsync(db, deadlines.Value, today, cancellationToken);
        var figures = await new ServedFiguresQuery(db).LoadAsync(Semester, RegencyCode, null, cancellationToken);
        var listed = completeness.Rows.ToDictionary(r => r.InstitutionId);
        // A WKSBM no longer active that served people in the semester still has its line.
        var others = figures.PerInstitution.Where(f => f.Value.Total.Services > 0 && !listed.ContainsKey(f.Key)).Select(f => f.Key).ToList();
        var extra = others.Count == 0 ? [] : await db.Institutions.AsNoTracking().Where(i => others.Contains(i.Id))
            .Select(i => new { i.Id, i.Name, i.VillageCode, i.RegencyCode }).ToListAsync(cancellationToken);
        var byName = StringComparer.Create(WebServices.Indonesian, System.Globalization.CompareOptions.IgnoreCase);
        Rows = [.. completeness.Rows.Select(r => new Row(r.InstitutionId, r.Name, r.VillageCode, r.RegencyCode, r.Status, r.Timeliness, figures.Of(r.InstitutionId)))
            .Concat(extra.Select(i => new Row(i.Id, i.Name, i.VillageCode, i.RegencyCode, CompletenessStatus.BelumMulai,
                completeness.DueOn < today ? Timeliness.Terlambat : Timeliness.BelumJatuhTempo, figures.Of(i.Id))))
            .OrderBy(r => r.RegencyCode, StringComparer.Ordinal)
            .ThenBy(r => RegionCatalog.Instance.Find(r.VillageCode)?.ParentCode, StringComparer.Ordinal)
            .ThenBy(r => r.Name, byName)];
        Total = figures.Total;
        ReportCounts = completeness.Total;
        DueOn = completeness.DueOn;
        Letterhead = Letterhead.For(RegencyCode, letterheads.Value);
        Signature = new SignatureBlock(Letterhead.Place, today, Letterhead.HeadTitle, Opening: "Mengetahui,");
        var semesters = new List<Semester>();
        for (var (semester, n) = (Semester.Of(today), 0); n < 6; (semester, n) = (semester.Previous, n + 1))
        {
            semesters.Add(semester);
        }
        Semesters = semesters.Contains(Semester) ? semesters : [.. semesters, Semester];
        return Page();
    }
}
