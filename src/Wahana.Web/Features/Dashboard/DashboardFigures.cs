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
    IReadOnlyList<DashboardArea> Districts);

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
