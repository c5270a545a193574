using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Features.Distributions;
using Wahana.Web.Features.Reports;
using Wahana.Web.Infrastructure;

namespace Wahana.Web.Features.Dashboard;

/// <summary>
/// /dasbor: the semester's figures in the user's scope as charts (wwwroot/js/dashboard.js, Chart.js and Leaflet)
/// each drawn from the table beside it, which is the source for reading and for screen readers.
/// </summary>
public sealed class IndexModel(WahanaDbContext db, TimeProvider clock, IOptions<ReportDeadlines> deadlines) : PageModel
{
    /// <summary>Semesters offered in the period list, the current one included.</summary>
    public const int SemestersOffered = 8;

    [BindProperty(SupportsGet = true, Name = "periode")]
    public string? PeriodText { get; set; }

    [BindProperty(SupportsGet = true, Name = "kabupaten")]
    public string? RegencyFilter { get; set; }

    public DashboardFigures Figures { get; private set; } = null!;

    public IReadOnlyList<Semester> Periods { get; private set; } = [];

    /// <summary>The province-wide (admin, forum, partners) may narrow to one kabupaten/kota.</summary>
    public bool CanFilterRegency { get; private set; }

    /// <summary>For dashboard.js: people served per kapanewon code (null: fewer than 5, hidden).</summary>
    public string MapData { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = Semester.Of(Wib.Today(clock));
        var periods = new List<Semester>();
        for (var (s, i) = (current, 0); i < SemestersOffered; s = s.Previous, i++)
        {
            periods.Add(s);
        }
        Periods = periods;
        // Read leniently, like the lists: an unknown period or kabupaten is dropped.
        // "period" as the API and the other report pages write it is understood too.
        var semester = Semester.Parse(PeriodText ?? Request.Query["period"].FirstOrDefault()) ?? current;
        var scope = db.CurrentUser.Scope;
        CanFilterRegency = scope.InstitutionId is null && scope.RegencyCode is null;
        var regency = CanFilterRegency && RegionCatalog.Instance.IsDiyRegency(RegencyFilter) ? RegencyFilter : null;
        RegencyFilter = regency;
        PeriodText = semester.ToString();
        Figures = await DashboardReports.AddToAsync(
            await new DashboardQuery(db).LoadAsync(semester, regency, cancellationToken), semester, db, deadlines.Value, Wib.Today(clock), cancellationToken);
        MapData = JsonSerializer.Serialize(new
        {
            regency = Figures.Regency,
            districts = Figures.Districts.ToDictionary(d => d.Code, d => d.PeopleServed),
        });
    }

    /// <summary>The completeness of the semester's reports for the figures' area (/laporan/kelengkapan).</summary>
    public string CompletenessUrl => "/laporan/kelengkapan?period=" + Figures.Period
        + (CanFilterRegency && Figures.Regency is { } regency ? "&kabupaten=" + regency : "");

    /// <summary>A count as the page shows it: "1.234", or "&lt;5" when hidden.</summary>
    public string Show(int? value) => value is { } v ? v.ToString("N0", WebServices.Indonesian) : $"<{Figures.SmallestShown}";

    /// <summary>A count for a chart (invariant digits), or null when hidden: the chart leaves that bar out.</summary>
    public static string? Raw(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string Raw(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Money(long value) => Rupiah.Format(value);
}
