using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Reports;

/// <summary>Where a WKSBM's report of a semester stands, "not started" (no report row) included.</summary>
public enum CompletenessStatus
{
    BelumMulai,
    Draft,
    Diajukan,
    Dikembalikan,
    Disetujui,
}

/// <summary>Whether a report came in by its due day.</summary>
public enum Timeliness
{
    /// <summary>First submitted on or before the due day.</summary>
    TepatWaktu,

    /// <summary>First submitted after the due day, or not submitted and the due day has passed.</summary>
    Terlambat,

    /// <summary>Not submitted yet, and the due day has not passed.</summary>
    BelumJatuhTempo,
}

public enum CompletenessSort
{
    Name,
    Regency,
    Status,
    Submitted,
}

/// <summary>
/// The completeness of the semester reports (/laporan/kelengkapan): for one semester, each WKSBM in the user's scope
/// (the query filters choose them) with its report's status and whether it came in on time, and the counts per
/// kabupaten/kota. A WKSBM with no report row has not started. Active WKSBM are expected to report; another WKSBM
/// appears only when it has a report of that semester.
/// </summary>
public sealed record CompletenessQuery
{
    private static readonly Dictionary<string, CompletenessSort> SortCodes = new(StringComparer.Ordinal)
    {
        ["nama"] = CompletenessSort.Name,
        ["kabupaten"] = CompletenessSort.Regency,
        ["status"] = CompletenessSort.Status,
        ["diajukan"] = CompletenessSort.Submitted,
    };

    public required Semester Semester { get; init; }

    public string? RegencyCode { get; init; }

    public CompletenessStatus? Status { get; init; }

    public Timeliness? Timeliness { get; init; }

    public CompletenessSort Sort { get; init; }

    public bool Descending { get; init; }

    public bool HasIgnoredValues { get; init; }

    public bool IsFiltered => RegencyCode is not null || Status is not null || Timeliness is not null;

    public sealed record Row(
        Guid InstitutionId, string Name, string VillageCode, string RegencyCode, Guid? ReportId, CompletenessStatus Status,
        DateTimeOffset? FirstSubmittedAt, DateTimeOffset? SubmittedAt, Timeliness Timeliness);

    /// <summary>The counts of one kabupaten/kota (or of all, for the total line).</summary>
    public sealed record Counts(string RegencyCode, int Institutions, IReadOnlyDictionary<CompletenessStatus, int> ByStatus, int OnTime, int Late, int Pending)
    {
        public int Of(CompletenessStatus status) => ByStatus.GetValueOrDefault(status);

        /// <summary>Submitted at least once (submitted, returned or approved).</summary>
        public int Submitted => Of(CompletenessStatus.Diajukan) + Of(CompletenessStatus.Dikembalikan) + Of(CompletenessStatus.Disetujui);
    }

    public sealed record Result(DateOnly DueOn, IReadOnlyList<Counts> Regencies, Counts Total, IReadOnlyList<Row> Rows);

    /// <summary>The semester whose report is expected now: the last complete one.</summary>
    public static Semester DefaultSemester(DateOnly today) => Semester.Of(today).Previous;

    public static string? SortCodeOf(CompletenessSort sort) => sort == CompletenessSort.Name ? null : SortCodes.First(c => c.Value == sort).Key;

    /// <summary>Reads the query string leniently: a value it does not understand is dropped (and said so), never an error.</summary>
    public static CompletenessQuery Parse(IQueryCollection query, DateOnly today)
    {
        var ignored = false;
        string? Read(string key)
        {
            var value = query[key].FirstOrDefault()?.Trim();
            return string.IsNullOrEmpty(value) ? null : value;
        }
        var period = Read("period") ?? Read("periode");
        var semester = Semester.Parse(period);
        ignored |= period is not null && (semester is null || semester.Value.Start > today);
        var regency = Read("kabupaten") ?? Read("regency");
        ignored |= regency is not null && !RegionCatalog.Instance.IsDiyRegency(regency);
        CompletenessStatus? status = null;
        if (Read("status") is { } statusText)
        {
            ignored |= !Slug.TryParse<CompletenessStatus>(statusText, out var parsed);
            status = Slug.TryParse<CompletenessStatus>(statusText, out parsed) ? parsed : null;
        }
        Timeliness? timeliness = null;
        if (Read("waktu") is { } timeText)
        {
            ignored |= !Slug.TryParse<Timeliness>(timeText, out var parsed);
            timeliness = Slug.TryParse<Timeliness>(timeText, out parsed) ? parsed : null;
        }
        var sortText = Read("urut");
        ignored |= sortText is not null && !SortCodes.ContainsKey(sortText);
        return new CompletenessQuery
        {
            Semester = semester is { } s && s.Start <= today ? s : DefaultSemester(today),
            RegencyCode = RegionCatalog.Instance.IsDiyRegency(regency) ? regency : null,
            Status = status,
            Timeliness = timeliness,
            Sort = sortText is not null && SortCodes.TryGetValue(sortText, out var sort) ? sort : CompletenessSort.Name,
            Descending = Read("arah") == "turun",
            HasIgnoredValues = ignored,
        };
    }

    /// <summary>The query string of this query, with another sort or direction.</summary>
    public string ToQueryString(CompletenessSort? sort = null, bool? descending = null)
    {
        var values = new List<KeyValuePair<string, string?>> { new("period", Semester.ToString()) };
        if (RegencyCode is not null)
        {
            values.Add(new("kabupaten", RegencyCode));
        }
        if (Status is { } status)
        {
            values.Add(new("status", Slug.Of(status)));
        }
        if (Timeliness is { } timeliness)
        {
            values.Add(new("waktu", Slug.Of(timeliness)));
        }
        if (SortCodeOf(sort ?? Sort) is { } code)
        {
            values.Add(new("urut", code));
        }
        if (descending ?? Descending)
        {
            values.Add(new("arah", "turun"));
        }
        return Microsoft.AspNetCore.Http.QueryString.Create(values).ToString();
    }

    /// <summary>
    /// Every WKSBM in scope with its report of the semester; the counts cover the kabupaten/kota filter only (not the
    /// status filter), the rows every filter.
    /// </summary>
    public async Task<Result> LoadAsync(WahanaDbContext db, ReportDeadlines deadlines, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(deadlines);
        var (year, half) = (Semester.Year, Semester.Half);
        var reports = db.SemesterReports.AsNoTracking().Where(r => r.Year == year && r.Half == half);
        var institutions = db.Institutions.AsNoTracking()
            .Where(i => i.Status == InstitutionStatus.Aktif || reports.Any(r => r.InstitutionId == i.Id));
        if (RegencyCode is { } regency)
        {
            reports = reports.Where(r => r.RegencyCode == regency);
            institutions = institutions.Where(i => i.RegencyCode == regency);
        }
        var found = await institutions.Select(i => new { i.Id, i.Name, i.VillageCode, i.RegencyCode }).ToListAsync(cancellationToken);
        var byInstitution = (await reports.Select(r => new { r.Id, r.InstitutionId, r.Status, r.FirstSubmittedAt, r.SubmittedAt, r.Year, r.Half })
                .ToListAsync(cancellationToken))
            .ToDictionary(r => r.InstitutionId);

        var due = deadlines.DueOn(Semester);
        var all = found.Select(i =>
        {
            var report = byInstitution.GetValueOrDefault(i.Id);
            var status = report is null ? CompletenessStatus.BelumMulai : StatusOf(report.Status);
            var timeliness = report?.FirstSubmittedAt is { } first
                ? (deadlines.IsOnTime(new SemesterReport { Year = report.Year, Half = report.Half, FirstSubmittedAt = first }) ? Reports.Timeliness.TepatWaktu : Reports.Timeliness.Terlambat)
                : today > due ? Reports.Timeliness.Terlambat : Reports.Timeliness.BelumJatuhTempo;
            return new Row(i.Id, i.Name, i.VillageCode, i.RegencyCode, report?.Id, status, report?.FirstSubmittedAt, report?.SubmittedAt, timeliness);
        }).ToList();

        var regencies = all.GroupBy(r => r.RegencyCode).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => CountsOf(g.Key, g)).ToList();
        var rows = all.Where(r => (Status is null || r.Status == Status) && (Timeliness is null || r.Timeliness == Timeliness));
        return new Result(due, regencies, CountsOf("", all), Sorted(rows));
    }

    public static CompletenessStatus StatusOf(ReportStatus status) => status switch
    {
        ReportStatus.Draft => CompletenessStatus.Draft,
        ReportStatus.Diajukan => CompletenessStatus.Diajukan,
        ReportStatus.Dikembalikan => CompletenessStatus.Dikembalikan,
        ReportStatus.Disetujui => CompletenessStatus.Disetujui,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string StatusName(CompletenessStatus status) => status switch
    {
        CompletenessStatus.BelumMulai => "Belum dimulai",
        CompletenessStatus.Draft => "Draf",
        CompletenessStatus.Diajukan => "Diajukan",
        CompletenessStatus.Dikembalikan => "Dikembalikan",
        CompletenessStatus.Disetujui => "Disetujui",
        _ => status.ToString(),
    };

    public static string TimelinessName(Timeliness timeliness) => timeliness switch
    {
        Reports.Timeliness.TepatWaktu => "Tepat waktu",
        Reports.Timeliness.Terlambat => "Terlambat",
        _ => "Belum jatuh tempo",
    };

    private static Counts CountsOf(string regencyCode, IEnumerable<Row> rows)
    {
        var list = rows.ToList();
        return new Counts(
            regencyCode,
            list.Count,
            Enum.GetValues<CompletenessStatus>().ToDictionary(s => s, s => list.Count(r => r.Status == s)),
            list.Count(r => r.Timeliness == Reports.Timeliness.TepatWaktu),
            list.Count(r => r.Timeliness == Reports.Timeliness.Terlambat),
            list.Count(r => r.Timeliness == Reports.Timeliness.BelumJatuhTempo));
    }

    private List<Row> Sorted(IEnumerable<Row> rows)
    {
        var byName = StringComparer.Create(CultureInfo.GetCultureInfo("id-ID"), CompareOptions.IgnoreCase);
        IOrderedEnumerable<Row> ordered = Sort switch
        {
            CompletenessSort.Regency => Order(rows, r => r.RegencyCode, StringComparer.Ordinal).ThenBy(r => r.Name, byName),
            CompletenessSort.Status => Order(rows, r => r.Status, Comparer<CompletenessStatus>.Default).ThenBy(r => r.Name, byName),
            CompletenessSort.Submitted => Order(rows, r => r.FirstSubmittedAt ?? DateTimeOffset.MaxValue, Comparer<DateTimeOffset>.Default).ThenBy(r => r.Name, byName),
            _ => Order(rows, r => r.Name, byName),
        };
        return [.. ordered.ThenBy(r => r.InstitutionId)];
    }

    private IOrderedEnumerable<Row> Order<TKey>(IEnumerable<Row> rows, Func<Row, TKey> key, IComparer<TKey> comparer) =>
        Descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);
}
