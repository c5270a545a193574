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
/// The semester reports in scope (/laporan): per period, every WKSBM with the status of its report (not started
/// included), filtered by status and, for the province, by kabupaten/kota; paged in the database. A pengurus lands on
/// its own report: the last complete semester's while it is still to be submitted, else the current one.
/// </summary>
[Authorize(Policy = WahanaPolicies.Reports)]
public sealed class IndexModel(WahanaDbContext db, TimeProvider clock, IOptions<ReportDeadlines> deadlines) : PageModel
{
    public const int PageSize = 50;

    public const int SemestersOffered = 6;

    /// <summary>The status filter's value for WKSBM without a report.</summary>
    public const string NotStarted = "belum-dimulai";

    public sealed record Row(Guid InstitutionId, string Name, string RegencyCode, Guid? ReportId, ReportStatus? Status,
        DateTimeOffset? FirstSubmittedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? ApprovedAt, bool OnTime);

    public Semester Period { get; private set; }

    public string? Status { get; private set; }

    public string? Regency { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>How many WKSBM in scope (and in the chosen kabupaten) stand at each status, not started included.</summary>
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public IReadOnlyList<Semester> Semesters { get; private set; } = [];

    public DateOnly DueOn { get; private set; }

    public bool ChoosesRegency => db.CurrentUser.Scope.RegencyCode is null;

    public static readonly IReadOnlyList<string> Statuses =
        [NotStarted, .. Enum.GetValues<ReportStatus>().Select(s => Slug.Of(s))];

    public static string StatusLabel(string status) =>
        ReportWorkflow.StatusName(Slug.TryParse<ReportStatus>(status, out var parsed) ? parsed : null);

    public async Task<IActionResult> OnGetAsync(string? periode, string? status, string? kabupaten, int? halaman, CancellationToken cancellationToken)
    {
        var today = Wib.Today(clock);
        var current = Semester.Of(today);
        if (db.CurrentUser.Scope.InstitutionId is { } own && periode is null)
        {
            var last = current.Previous;
            var lastStatus = await db.SemesterReports.Where(r => r.InstitutionId == own && r.Year == last.Year && r.Half == last.Half)
                .Select(r => (ReportStatus?)r.Status).SingleOrDefaultAsync(cancellationToken);
            var target = lastStatus is ReportStatus.Diajukan or ReportStatus.Disetujui ? current : last;
            return LocalRedirect($"/laporan/{own}/{target}");
        }

        Period = Semester.Parse(periode) is { } asked && asked.Start <= today ? asked : current.Previous;
        DueOn = deadlines.Value.DueOn(Period);
        Status = Statuses.Contains(status) ? status : null;
        Regency = ChoosesRegency && RegionCatalog.Instance.IsDiyRegency(kabupaten) ? kabupaten : null;
        var semesters = new List<Semester>();
        for (var s = current; semesters.Count < SemestersOffered; s = s.Previous)
        {
            semesters.Add(s);
        }
        if (!semesters.Contains(Period))
        {
            semesters.Add(Period);
        }
        Semesters = semesters;

        var (year, half) = (Period.Year, Period.Half);
        var institutions = db.Institutions.AsNoTracking();
        if (Regency is { } regency)
        {
            institutions = institutions.Where(i => i.RegencyCode == regency);
        }
        var reports = db.SemesterReports.Where(r => r.Year == year && r.Half == half);
        var byStatus = await reports.Where(r => institutions.Any(i => i.Id == r.InstitutionId))
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var all = await institutions.CountAsync(cancellationToken);
        var counts = byStatus.ToDictionary(s => Slug.Of(s.Key), s => s.Count);
        counts[NotStarted] = all - byStatus.Sum(s => s.Count);
        Counts = counts;

        var filtered = institutions;
        if (Status == NotStarted)
        {
            filtered = filtered.Where(i => !reports.Any(r => r.InstitutionId == i.Id));
        }
        else if (Status is { } chosen)
        {
            var wanted = Slug.Parse<ReportStatus>(chosen);
            filtered = filtered.Where(i => reports.Any(r => r.InstitutionId == i.Id && r.Status == wanted));
        }
        Total = await filtered.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(halaman ?? 1, 1, PageCount);
        var page = await filtered.OrderBy(i => i.RegencyCode).ThenBy(i => i.Name).ThenBy(i => i.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(i => new { i.Id, i.Name, i.RegencyCode })
            .ToListAsync(cancellationToken);
        var ids = page.Select(p => p.Id).ToList();
        var found = await reports.AsNoTracking().Where(r => ids.Contains(r.InstitutionId)).ToListAsync(cancellationToken);
        var reportOf = found.ToDictionary(r => r.InstitutionId);
        Rows = [.. page.Select(p => reportOf.GetValueOrDefault(p.Id) is { } r
            ? new Row(p.Id, p.Name, p.RegencyCode, r.Id, r.Status, r.FirstSubmittedAt, r.SubmittedAt, r.ApprovedAt, deadlines.Value.IsOnTime(r))
            : new Row(p.Id, p.Name, p.RegencyCode, null, null, null, null, null, false))];
        return Page();
    }

    /// <summary>The query of this list, on another page or with another status.</summary>
    public string QueryString(int? page = null, string? status = null)
    {
        var parts = new List<string> { "periode=" + Period };
        if ((status ?? Status) is { } chosen)
        {
            parts.Add("status=" + chosen);
        }
        if (Regency is { } regency)
        {
            parts.Add("kabupaten=" + regency);
        }
        if (page is > 1)
        {
            parts.Add("halaman=" + page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return "?" + string.Join("&", parts);
    }
}
