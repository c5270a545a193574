using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;

namespace Wahana.Web.Features.Reports;

/// <summary>
/// The completeness of the semester reports (/laporan/kelengkapan), for every signed-in role within its scope: the
/// province sees every kabupaten/kota, a district office its own, a WKSBM itself; the forum and partners the counts only.
/// </summary>
public sealed class CompletenessModel(WahanaDbContext db, IOptions<ReportDeadlines> deadlines, TimeProvider clock) : PageModel
{
    public CompletenessQuery Query { get; private set; } = null!;

    public CompletenessQuery.Result Result { get; private set; } = null!;

    /// <summary>The forum and partners see how many reports came in, not which WKSBM sent which.</summary>
    public bool CountsOnly => !db.CurrentUser.Scope.SeesPeople;

    /// <summary>One WKSBM's board sees only its own line: no kabupaten table.</summary>
    public bool OwnOnly => db.CurrentUser.Scope.InstitutionId is not null;

    /// <summary>The province, the forum and partners choose a kabupaten/kota; a district office has only its own.</summary>
    public bool ShowRegencyFilter => !OwnOnly && db.CurrentUser.Scope.RegencyCode is null;

    public DateOnly Today { get; private set; }

    /// <summary>The semesters to choose from: the current one and the five before it.</summary>
    public IReadOnlyList<Semester> Semesters { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = Wib.Today(clock);
        Query = CompletenessQuery.Parse(Request.Query, Today);
        if (Query.RegencyCode is not null && (OwnOnly || db.CurrentUser.Scope.RegencyCode is { } own && Query.RegencyCode != own))
        {
            // A district office has its own kabupaten/kota only, a WKSBM itself: another one's filter is not theirs to use.
            Query = Query with { RegencyCode = null, HasIgnoredValues = true };
        }
        Result = await Query.LoadAsync(db, deadlines.Value, Today, cancellationToken);
        var semesters = new List<Semester>();
        for (var (semester, n) = (Semester.Of(Today), 0); n < 6; (semester, n) = (semester.Previous, n + 1))
        {
            semesters.Add(semester);
        }
        if (!semesters.Contains(Query.Semester))
        {
            semesters.Add(Query.Semester);
        }
        Semesters = semesters;
    }
}
