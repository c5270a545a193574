using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Dashboard;

/// <summary>
/// The figures of the dashboard (/dasbor) and of GET /api/v1/dashboard: one semester in the user's scope, all taken
/// from <see cref="Reports.ServedFiguresQuery"/>. For the forum and partners (<see cref="Suppressed"/>) every count of
/// people or services from 1 to 4 is null (shown as "&lt;5"); 0 stays 0. Counts of WKSBM and sums of rupiah are not
/// suppressed: they do not count people.
/// </summary>
/// <param name="Period">The semester, written as 2026-1.</param>
/// <param name="Regency">The kabupaten/kota the figures are limited to (the filter, or the user's own), or null for all.</param>
/// <param name="InstitutionId">The WKSBM the figures are limited to (a pengurus's or volunteer's own), or null.</param>
/// <param name="AreaName">What the figures cover, in words ("Seluruh DIY", "Kabupaten Bantul", a WKSBM's name).</param>
/// <param name="Suppressed">True when counts below <paramref name="SmallestShown"/> are hidden (forum, partners).</param>
/// <param name="Trend">People served in each of the last six semesters up to <paramref name="Period"/>, oldest first.</param>
/// <param name="Regencies">Each kabupaten/kota side by side (users who see the whole province; empty otherwise).</param>
/// <param name="Band">WKSBM below, inside and above the 30-80 people band, per kabupaten/kota.</param>
/// <param name="Districts">People served per kapanewon/kemantren of the WKSBM that served them (the map).</param>
/// <param name="Reports">The semester reports of the WKSBM in scope by status and timeliness (<see cref="DashboardReports.AddToAsync"/>).</param>
public sealed record DashboardFigures(
    string Period,
    string PeriodName,
    string? Regency,
    Guid? InstitutionId,
    string AreaName,
    bool Suppressed,
    int SmallestShown,
    DashboardTotals Totals,
    IReadOnlyList<DashboardTrendPoint> Trend,
    IReadOnlyList<DashboardPeople> ByCategory,
    IReadOnlyList<DashboardPeople> BySex,
    IReadOnlyList<DashboardPeople> ByAgeGroup,
    IReadOnlyList<DashboardMoney> ByKind,
    IReadOnlyList<DashboardMoney> ByFunding,
    IReadOnlyList<DashboardArea> Regencies,
    IReadOnlyList<DashboardBand> Band,
    IReadOnlyList<DashboardArea> Districts,
    DashboardReports? Reports = null);

/// <param name="PeopleServed">Distinct people who received at least one service.</param>
/// <param name="Services">Services given.</param>
/// <param name="Rupiah">Their value in rupiah.</param>
/// <param name="RupiahPerPerson">Rupiah per person served (0 when nobody was served).</param>
/// <param name="Activities">Group distributions held.</param>
/// <param name="ActiveVolunteers">Distinct volunteers who took part in a service.</param>
/// <param name="Institutions">WKSBM counted: active ones in the area, and any other that served someone.</param>
public sealed record DashboardTotals(
    int? PeopleServed, int? Services, long Rupiah, long RupiahPerPerson, int Activities, int? ActiveVolunteers, int Institutions);

/// <param name="Period">2026-1.</param>
public sealed record DashboardTrendPoint(string Period, string Name, int? PeopleServed);

/// <summary>People served in one group: a PPKS category (slug), a sex (laki-laki, perempuan), an age group (0-5, 6-17, 18-59, 60+).</summary>
public sealed record DashboardPeople(string Code, string Name, int? PeopleServed);

/// <summary>Services and rupiah of one service kind or funding source (slug).</summary>
public sealed record DashboardMoney(string Code, string Name, int? Services, long Rupiah);

/// <summary>One kabupaten/kota (34.02) or kapanewon (34.02.15): distinct people served there, services, rupiah, active WKSBM.</summary>
public sealed record DashboardArea(string Code, string Name, int? PeopleServed, int? Services, long Rupiah, int Institutions);

/// <summary>WKSBM of one kabupaten/kota (or "34" for the total) by the people they served against the 30-80 band.</summary>
public sealed record DashboardBand(string Code, string Name, int Below, int Inside, int Above);

/// <summary>
/// The semester reports of the WKSBM in the dashboard's scope: how many WKSBM stand at each status and came in on time
/// or late, as <see cref="Reports.CompletenessQuery"/> counts them (/laporan/kelengkapan). WKSBM counts: never suppressed.
/// </summary>
/// <param name="DueOn">The semester's due day for reports.</param>
/// <param name="Institutions">WKSBM expected to report (active ones, and any other with a report of the semester).</param>
/// <param name="Pending">Not submitted yet, and the due day has not passed.</param>
public sealed record DashboardReports(
    DateOnly DueOn, int Institutions, int NotStarted, int Draft, int Submitted, int Returned, int Approved, int OnTime, int Late, int Pending)
{
    /// <summary>
    /// <paramref name="figures"/> with the report counts of its semester and area: the completeness query's total line,
    /// for the figures' kabupaten/kota (or, with none, everything in the user's scope, the query filters choosing).
    /// </summary>
    public static async Task<DashboardFigures> AddToAsync(
        DashboardFigures figures, Semester semester, WahanaDbContext db, Reports.ReportDeadlines deadlines, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var completeness = await new Reports.CompletenessQuery { Semester = semester, RegencyCode = figures.Regency }
            .LoadAsync(db, deadlines, today, cancellationToken);
        return figures with { Reports = Of(completeness) };
    }

    /// <summary>The counts of the completeness query's total line.</summary>
    public static DashboardReports Of(Reports.CompletenessQuery.Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var total = result.Total;
        return new DashboardReports(
            result.DueOn, total.Institutions,
            total.Of(Reports.CompletenessStatus.BelumMulai), total.Of(Reports.CompletenessStatus.Draft),
            total.Of(Reports.CompletenessStatus.Diajukan), total.Of(Reports.CompletenessStatus.Dikembalikan),
            total.Of(Reports.CompletenessStatus.Disetujui), total.OnTime, total.Late, total.Pending);
    }
}
