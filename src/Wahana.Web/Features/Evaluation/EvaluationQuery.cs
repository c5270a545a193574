using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Features.Distributions;
using Wahana.Web.Features.Reports;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Evaluation;

/// <summary>The columns the evaluation table sorts by.</summary>
public enum EvaluationSort
{
    Name,
    PeopleServed,
    Categories,
    RupiahPerPerson,
    FundingSources,
    Volunteers,
    Level,
    Report,
}

/// <summary>How a WKSBM's semester report came in: on time, late, or not (yet) submitted.</summary>
public enum ReportTimeliness
{
    Belum,
    TepatWaktu,
    Terlambat,
}

/// <summary>The indicators of the joint evaluation, with their codes (API, query string) and screen names.</summary>
public static class Indicators
{
    public const string PeopleServed = "dilayani";
    public const string Categories = "kategori";
    public const string RupiahPerPerson = "rupiah-per-orang";
    public const string FundingSources = "sumber-dana";
    public const string Volunteers = "relawan";
    public const string Level = "tingkat";
    public const string Report = "laporan";

    public static readonly IReadOnlyList<string> All = [PeopleServed, Categories, RupiahPerPerson, FundingSources, Volunteers, Level, Report];

    public static string NameOf(string code) => code switch
    {
        PeopleServed => "Orang dilayani",
        Categories => "Kategori PPKS terlayani",
        RupiahPerPerson => "Rupiah per orang",
        FundingSources => "Sumber dana",
        Volunteers => "Relawan aktif",
        Level => "Tingkat kelembagaan",
        _ => "Laporan tepat waktu",
    };

    /// <summary>When the indicator counts as weak (shown on the page beside the card).</summary>
    public static string RuleOf(string code) => code switch
    {
        PeopleServed => "Lemah bila di luar rentang 30-80 orang per semester.",
        Level => "Lemah bila nilai penilaian kelembagaan terakhir di bawah median kabupaten/kota (belum dinilai = 0).",
        Report => "Lemah bila laporan semester belum diajukan atau diajukan setelah batas waktu.",
        _ => "Lemah bila di bawah median kabupaten/kota.",
    };

    public static string TimelinessName(ReportTimeliness value) => value switch
    {
        ReportTimeliness.TepatWaktu => "Tepat waktu",
        ReportTimeliness.Terlambat => "Terlambat",
        _ => "Belum",
    };
}

/// <summary>
/// One WKSBM's indicators in one semester. People counts (<see cref="PeopleServed"/>, <see cref="ActiveVolunteers"/>)
/// are null where they are hidden (below 5, for a user who sees that WKSBM as aggregates only); so is the rupiah per
/// person then, which would tell what those few people received.
/// </summary>
public sealed record EvaluationRow(
    Guid InstitutionId,
    string Name,
    string RegencyCode,
    string RegencyName,
    int? PeopleServed,
    bool InBand,
    int CategoriesCovered,
    long? RupiahPerPerson,
    int FundingSources,
    int? ActiveVolunteers,
    string? Level,
    decimal? Score,
    ReportTimeliness Report,
    IReadOnlyList<string> Weak)
{
    /// <summary>The value compared with the medians and the peers, per indicator (null: hidden).</summary>
    public decimal? ValueOf(string indicator) => indicator switch
    {
        Indicators.PeopleServed => PeopleServed,
        Indicators.Categories => CategoriesCovered,
        Indicators.RupiahPerPerson => RupiahPerPerson,
        Indicators.FundingSources => FundingSources,
        Indicators.Volunteers => ActiveVolunteers,
        Indicators.Level => Score ?? 0,
        _ => Report == ReportTimeliness.TepatWaktu ? 1 : 0,
    };
}

/// <summary>
/// Medians of a set of WKSBM (a kabupaten/kota or the province): odd counts take the middle value, even counts the
/// mean of the two middle ones. <see cref="OnTimeShare"/> is the share (0-1) of reports in on time.
/// </summary>
public sealed record EvaluationMedians(
    int Institutions, decimal PeopleServed, int InBand, decimal Categories, decimal RupiahPerPerson, decimal FundingSources,
    decimal Volunteers, decimal Score, decimal OnTimeShare)
{
    public decimal? ValueOf(string indicator) => indicator switch
    {
        Indicators.PeopleServed => PeopleServed,
        Indicators.Categories => Categories,
        Indicators.RupiahPerPerson => RupiahPerPerson,
        Indicators.FundingSources => FundingSources,
        Indicators.Volunteers => Volunteers,
        Indicators.Level => Score,
        _ => OnTimeShare,
    };

    public static decimal Median(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return 0;
        }
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

/// <summary>A kabupaten/kota with the medians of its WKSBM.</summary>
public sealed record RegencyMedians(string Code, string Name, EvaluationMedians Medians);

/// <summary>The evaluation table of a semester: the rows the user sees, and the medians of every kabupaten/kota and the province.</summary>
public sealed record EvaluationResult(
    string Period,
    string? Regency,
    int BandFrom,
    int BandTo,
    int? SuppressedBelow,
    EvaluationMedians Province,
    IReadOnlyList<RegencyMedians> Regencies,
    IReadOnlyList<EvaluationRow> Items);

/// <summary>
/// The joint evaluation (/evaluasi, GET /api/v1/evaluation): every WKSBM's indicators in a semester, from
/// <see cref="ServedFiguresQuery"/> (so they agree with the reports and the dashboards), compared with the medians of
/// its kabupaten/kota and of the province.
/// <para>
/// Who sees what. The rows are the WKSBM the user sees (the Institution query filter): all for the province and the
/// forum, one kabupaten/kota for its officer, its own WKSBM for a pengurus. The medians and the peers a WKSBM can learn
/// from ("belajar dari") are WKSBM-level figures, not personal data: they are compiled as the forum compiles them
/// (a DbContext with the forum's aggregates-only scope), so a district officer sees the province's median and a
/// pengurus its kabupaten's peers. Counts of people of a WKSBM whose people the user does not see (every WKSBM
/// for the forum; the peers for a pengurus) read "&lt;5" below 5 (<see cref="AggregateCount"/>).
/// </para>
/// </summary>
public sealed class EvaluationQuery
{
    public const int BandFrom = 30;
    public const int BandTo = 80;

    /// <summary>The default semester: the last complete one.</summary>
    public static Semester DefaultSemester(DateOnly today) => Semester.Of(today).Previous;

    public static readonly IReadOnlyDictionary<string, EvaluationSort> SortCodes = new Dictionary<string, EvaluationSort>(StringComparer.Ordinal)
    {
        ["nama"] = EvaluationSort.Name,
        [Indicators.PeopleServed] = EvaluationSort.PeopleServed,
        [Indicators.Categories] = EvaluationSort.Categories,
        [Indicators.RupiahPerPerson] = EvaluationSort.RupiahPerPerson,
        [Indicators.FundingSources] = EvaluationSort.FundingSources,
        [Indicators.Volunteers] = EvaluationSort.Volunteers,
        [Indicators.Level] = EvaluationSort.Level,
        [Indicators.Report] = EvaluationSort.Report,
    };

    public Semester Semester { get; private init; }

    public string? RegencyCode { get; private init; }

    public EvaluationSort Sort { get; private init; }

    public bool Descending { get; private init; }

    /// <summary>Field errors of the query string (period, regency), keyed as the API names them.</summary>
    public Dictionary<string, string[]> Errors { get; } = [];

    public const string PeriodMessage = "Periode ditulis tahun-semester, misalnya 2026-1 (Januari-Juni) atau 2026-2 (Juli-Desember), dan tidak boleh semester yang belum dimulai.";

    public const string RegencyMessage = "Kabupaten/kota tidak dikenal (contoh: 34.02 untuk Bantul).";

    /// <summary>Reads period, kabupaten/kota and sort; unknown values become field errors and the defaults are used.</summary>
    public static EvaluationQuery Parse(string? period, string? regency, string? sort, string? direction, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        var semester = DefaultSemester(today);
        if (!string.IsNullOrWhiteSpace(period))
        {
            if (Semester.Parse(period) is { } parsed && parsed.Start <= today)
            {
                semester = parsed;
            }
            else
            {
                errors["period"] = [PeriodMessage];
            }
        }
        string? regencyCode = null;
        if (!string.IsNullOrWhiteSpace(regency))
        {
            if (RegionCatalog.Instance.IsDiyRegency(regency.Trim()))
            {
                regencyCode = regency.Trim();
            }
            else
            {
                errors["regency"] = [RegencyMessage];
            }
        }
        var query = new EvaluationQuery
        {
            Semester = semester,
            RegencyCode = regencyCode,
            Sort = sort is not null && SortCodes.TryGetValue(sort, out var s) ? s : EvaluationSort.Name,
            Descending = direction == "turun",
        };
        foreach (var (key, value) in errors)
        {
            query.Errors[key] = value;
        }
        return query;
    }

    public static string SortCodeOf(EvaluationSort sort) => SortCodes.First(c => c.Value == sort).Key;

    /// <summary>The query string of this evaluation, with another sort or period when given.</summary>
    public string ToQueryString(EvaluationSort? sort = null, bool? descending = null, Semester? semester = null)
    {
        var parts = new List<string> { "periode=" + (semester ?? Semester) };
        if (RegencyCode is not null)
        {
            parts.Add("kabupaten=" + RegencyCode);
        }
        var by = sort ?? Sort;
        if (by != EvaluationSort.Name)
        {
            parts.Add("urut=" + SortCodeOf(by));
        }
        if (descending ?? Descending)
        {
            parts.Add("arah=turun");
        }
        return "?" + string.Join("&", parts);
    }

    /// <summary>The indicators of every WKSBM the user may compare with (see the class remarks), unsorted and unsuppressed.</summary>
    public sealed record Compiled(IReadOnlyList<Figures> All, HashSet<Guid> InScope, HashSet<Guid> PeopleSeen, bool AggregatesOnly);

    /// <summary>A WKSBM's indicators before suppression.</summary>
    public sealed record Figures(
        Guid InstitutionId, string Name, string RegencyCode, int PeopleServed, int CategoriesCovered, long RupiahPerPerson, int FundingSources,
        int ActiveVolunteers, StrengthLevel? Level, decimal? Score, ReportTimeliness Report, DateTimeOffset? SubmittedAt)
    {
        public bool InBand => PeopleServed is >= BandFrom and <= BandTo;
    }

    /// <summary>Compiles the semester's figures of the WKSBM the user may compare with, within <paramref name="regencyOnly"/> when given.</summary>
    public static async Task<Compiled> CompileAsync(
        WahanaDbContext db, IServiceProvider services, ReportDeadlines deadlines, Semester semester, string? regencyOnly, CancellationToken cancellationToken)
    {
        var scope = db.CurrentUser.Scope;
        var inScope = (await db.Institutions.AsNoTracking().Where(i => i.Status != InstitutionStatus.TidakAktif)
            .Select(i => i.Id).ToListAsync(cancellationToken)).ToHashSet();
        // Those who see every WKSBM compile with their own context; the others as the forum does (aggregates only).
        await using var owned = scope.AllInstitutions ? null : AggregatesContext(services);
        var figuresDb = owned ?? db;
        var institutions = figuresDb.Institutions.AsNoTracking().Where(i => i.Status != InstitutionStatus.TidakAktif);
        if (regencyOnly is not null)
        {
            institutions = institutions.Where(i => i.RegencyCode == regencyOnly);
        }
        var listed = await institutions.Select(i => new { i.Id, i.Name, i.RegencyCode }).ToListAsync(cancellationToken);
        var served = await new ServedFiguresQuery(figuresDb).LoadAsync(semester, regencyOnly, null, cancellationToken);
        var assessments = await figuresDb.Assessments.AsNoTracking()
            .Where(a => a.Year < semester.Year || (a.Year == semester.Year && a.Half <= semester.Half))
            .Select(a => new { a.InstitutionId, a.Year, a.Half, a.Level, a.Score })
            .ToListAsync(cancellationToken);
        var latest = assessments.GroupBy(a => a.InstitutionId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Year).ThenByDescending(a => a.Half).First());
        var reports = await figuresDb.SemesterReports.AsNoTracking()
            .Where(r => r.Year == semester.Year && r.Half == semester.Half)
            .ToListAsync(cancellationToken);
        var reportOf = reports.GroupBy(r => r.InstitutionId).ToDictionary(g => g.Key, g => g.First());
        var all = listed.Select(i =>
        {
            var figures = served.Of(i.Id);
            var assessment = latest.GetValueOrDefault(i.Id);
            var report = reportOf.GetValueOrDefault(i.Id);
            var timeliness = report?.FirstSubmittedAt is null ? ReportTimeliness.Belum
                : deadlines.IsOnTime(report) ? ReportTimeliness.TepatWaktu : ReportTimeliness.Terlambat;
            return new Figures(i.Id, i.Name, i.RegencyCode, figures.PeopleServed, figures.CategoriesCovered, figures.RupiahPerPerson,
                figures.FundingSources, figures.ActiveVolunteers, assessment?.Level, assessment?.Score, timeliness, report?.FirstSubmittedAt);
        }).ToList();
        var peopleSeen = scope.AllPeople ? [.. inScope]
            : scope.RegencyCode is { } regency ? all.Where(f => f.RegencyCode == regency).Select(f => f.InstitutionId).ToHashSet()
            : scope.InstitutionId is { } own ? [own]
            : new HashSet<Guid>();
        return new Compiled(all, inScope, peopleSeen, !scope.SeesPeople);
    }

    /// <summary>The table: the rows in scope (within the kabupaten/kota filter), sorted, with the medians.</summary>
    public async Task<EvaluationResult> LoadAsync(
        WahanaDbContext db, IServiceProvider services, ReportDeadlines deadlines, CancellationToken cancellationToken)
    {
        var compiled = await CompileAsync(db, services, deadlines, Semester, null, cancellationToken);
        return Build(compiled);
    }

    public EvaluationResult Build(Compiled compiled)
    {
        var catalog = RegionCatalog.Instance;
        var byRegency = compiled.All.GroupBy(f => f.RegencyCode).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var regencyMedians = byRegency.ToDictionary(g => g.Key, g => MediansOf([.. g]));
        var rows = compiled.All
            .Where(f => compiled.InScope.Contains(f.InstitutionId) && (RegencyCode is null || f.RegencyCode == RegencyCode))
            .Select(f => RowOf(f, regencyMedians[f.RegencyCode], !compiled.PeopleSeen.Contains(f.InstitutionId)))
            .ToList();
        return new EvaluationResult(
            Semester.ToString(), RegencyCode, BandFrom, BandTo,
            rows.Exists(r => !compiled.PeopleSeen.Contains(r.InstitutionId)) ? AggregateCount.SmallestShown : null,
            MediansOf(compiled.All),
            [.. byRegency.Where(g => RegencyCode is null || g.Key == RegencyCode)
                .Select(g => new RegencyMedians(g.Key, catalog.RegencyName(g.Key), regencyMedians[g.Key]))],
            Sorted(rows));
    }

    public static EvaluationMedians MediansOf(IReadOnlyList<Figures> set) => new(
        set.Count,
        EvaluationMedians.Median(set.Select(f => (decimal)f.PeopleServed)),
        set.Count(f => f.InBand),
        EvaluationMedians.Median(set.Select(f => (decimal)f.CategoriesCovered)),
        EvaluationMedians.Median(set.Select(f => (decimal)f.RupiahPerPerson)),
        EvaluationMedians.Median(set.Select(f => (decimal)f.FundingSources)),
        EvaluationMedians.Median(set.Select(f => (decimal)f.ActiveVolunteers)),
        EvaluationMedians.Median(set.Select(f => f.Score ?? 0)),
        set.Count == 0 ? 0 : Math.Round((decimal)set.Count(f => f.Report == ReportTimeliness.TepatWaktu) / set.Count, 3));

    /// <summary>The indicators on which a WKSBM is weak (the rules of <see cref="Indicators.RuleOf"/>).</summary>
    public static List<string> WeakOf(Figures f, EvaluationMedians regency)
    {
        var weak = new List<string>();
        if (!f.InBand)
        {
            weak.Add(Indicators.PeopleServed);
        }
        if (f.CategoriesCovered < regency.Categories)
        {
            weak.Add(Indicators.Categories);
        }
        if (f.RupiahPerPerson < regency.RupiahPerPerson)
        {
            weak.Add(Indicators.RupiahPerPerson);
        }
        if (f.FundingSources < regency.FundingSources)
        {
            weak.Add(Indicators.FundingSources);
        }
        if (f.ActiveVolunteers < regency.Volunteers)
        {
            weak.Add(Indicators.Volunteers);
        }
        if ((f.Score ?? 0) < regency.Score)
        {
            weak.Add(Indicators.Level);
        }
        if (f.Report != ReportTimeliness.TepatWaktu)
        {
            weak.Add(Indicators.Report);
        }
        return weak;
    }

    public static EvaluationRow RowOf(Figures f, EvaluationMedians regency, bool aggregatesOnly)
    {
        var hidePeople = AggregateCount.IsHidden(f.PeopleServed, aggregatesOnly);
        return new EvaluationRow(
            f.InstitutionId, f.Name, f.RegencyCode, RegionCatalog.Instance.RegencyName(f.RegencyCode),
            hidePeople ? null : f.PeopleServed, f.InBand, f.CategoriesCovered, hidePeople ? null : f.RupiahPerPerson, f.FundingSources,
            AggregateCount.IsHidden(f.ActiveVolunteers, aggregatesOnly) ? null : f.ActiveVolunteers,
            f.Level is { } level ? Assessment.LevelName(level) : null, f.Score, f.Report, WeakOf(f, regency));
    }

    private List<EvaluationRow> Sorted(List<EvaluationRow> rows)
    {
        // Hidden values sort as the smallest: their order among themselves would tell what is hidden.
        Func<EvaluationRow, decimal> key = Sort switch
        {
            EvaluationSort.PeopleServed => r => r.PeopleServed ?? -1,
            EvaluationSort.Categories => r => r.CategoriesCovered,
            EvaluationSort.RupiahPerPerson => r => r.RupiahPerPerson ?? -1,
            EvaluationSort.FundingSources => r => r.FundingSources,
            EvaluationSort.Volunteers => r => r.ActiveVolunteers ?? -1,
            EvaluationSort.Level => r => r.Score ?? -1,
            EvaluationSort.Report => r => r.Report switch { ReportTimeliness.TepatWaktu => 2, ReportTimeliness.Terlambat => 1, _ => 0 },
            _ => _ => 0,
        };
        var ordered = Sort == EvaluationSort.Name
            ? (Descending ? rows.OrderByDescending(r => r.Name, StringComparer.Ordinal) : rows.OrderBy(r => r.Name, StringComparer.Ordinal))
            : (Descending ? rows.OrderByDescending(key) : rows.OrderBy(key)).ThenBy(r => r.Name, StringComparer.Ordinal);
        return [.. ordered];
    }

    /// <summary>
    /// A DbContext with the forum's scope (every WKSBM, aggregates only), outside the request: the same provider and
    /// options as the application's (as the import does for its background runs).
    /// </summary>
    private static WahanaDbContext AggregatesContext(IServiceProvider services)
    {
        var options = services.GetRequiredService<DbContextOptions>();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, nameof(WahanaRole.Forum))], "evaluasi"));
        var user = new CurrentUser(new FixedContext(new DefaultHttpContext { User = principal }));
        return (WahanaDbContext)ActivatorUtilities.CreateInstance(services, options.ContextType, user);
    }

    /// <summary>An HttpContext of its own (the shared accessor's would replace the request's own).</summary>
    private sealed class FixedContext(HttpContext context) : IHttpContextAccessor
    {
        public HttpContext? HttpContext
        {
            get => context;
            set => throw new NotSupportedException();
        }
    }
}

/// <summary>Reads <see cref="ReportDeadlines"/> from the options.</summary>
public static class EvaluationOptions
{
    public static ReportDeadlines Deadlines(IServiceProvider services) => services.GetRequiredService<IOptions<ReportDeadlines>>().Value;
}
