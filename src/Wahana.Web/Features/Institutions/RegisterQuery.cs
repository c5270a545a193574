using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Institutions;

public enum RegisterSort
{
    Name,
    Location,
    Beneficiaries,
    Served,
    Level,
}

/// <summary>
/// The register's query string (search, region, status, level, sort, page), read leniently: a value it does not
/// understand is dropped, never an error. <see cref="LoadAsync"/> selects the WKSBM within the user's scope (the
/// query filters do that) for the register page and its Excel export.
/// </summary>
public sealed class RegisterQuery
{
    public const int PageSize = 25;

    /// <summary>Aggregates shown to the forum and partners hide any count below this, as on the home page (UU PDP).</summary>

    /// <summary>The level filter for WKSBM without any assessment.</summary>
    public const string NotAssessed = "belum-dinilai";

    private const int MaxSearchLength = 100;

    private static readonly Dictionary<string, RegisterSort> SortCodes = new(StringComparer.Ordinal)
    {
        ["nama"] = RegisterSort.Name,
        ["lokasi"] = RegisterSort.Location,
        ["penerima"] = RegisterSort.Beneficiaries,
        ["dilayani"] = RegisterSort.Served,
        ["tingkat"] = RegisterSort.Level,
    };

    public string? Search { get; private init; }

    public string? RegencyCode { get; private init; }

    public string? DistrictCode { get; private init; }

    public string? VillageCode { get; private init; }

    public InstitutionStatus? Status { get; private init; }

    /// <summary>A level slug (tumbuh, berkembang, mandiri) or <see cref="NotAssessed"/>.</summary>
    public string? Level { get; private init; }

    public RegisterSort Sort { get; private init; }

    public bool Descending { get; private init; }

    /// <summary>The page asked for; <see cref="Result.Page"/> is the one shown (1 to the last page).</summary>
    public int Page { get; private init; } = 1;

    /// <summary>True when some value of the query string was not understood and was left out.</summary>
    public bool HasIgnoredValues { get; private init; }

    public bool IsFiltered => Search is not null || RegencyCode is not null || Status is not null || Level is not null;

    public static RegisterQuery Parse(IQueryCollection query)
    {
        var ignored = false;
        string? Read(string key)
        {
            var value = query[key].FirstOrDefault()?.Trim();
            return string.IsNullOrEmpty(value) ? null : value;
        }
        string? Known(string key, Func<string, bool> isKnown)
        {
            var value = Read(key);
            if (value is null || isKnown(value))
            {
                return value;
            }
            ignored = true;
            return null;
        }

        var catalog = RegionCatalog.Instance;
        var regency = Known("kabupaten", catalog.IsDiyRegency);
        var district = Known("kapanewon", c => catalog.Find(c)?.Level == RegionLevel.Kecamatan);
        var village = Known("kalurahan", catalog.IsDiyVillage);
        // A parent left out is filled in (a link to one kalurahan needs no more). A child outside the chosen parent
        // is what remains of an earlier choice in a form sent without JavaScript: the parent wins.
        var villageDistrict = catalog.Find(village)?.ParentCode;
        if (district is null && (regency is null || Region.RegencyCodeOf(villageDistrict) == regency))
        {
            district = villageDistrict;
        }
        regency ??= Region.RegencyCodeOf(district);
        district = Region.RegencyCodeOf(district) == regency ? district : null;
        village = villageDistrict == district ? village : null;
        var status = Known("status", c => Slug.TryParse<InstitutionStatus>(c, out _));
        var level = Known("tingkat", c => c == NotAssessed || Slug.TryParse<StrengthLevel>(c, out _));

        var sortText = Read("urut");
        var sort = sortText is not null && SortCodes.TryGetValue(sortText, out var s) ? s : RegisterSort.Name;
        var search = Read("q");
        return new RegisterQuery
        {
            Search = search is { Length: > MaxSearchLength } ? search[..MaxSearchLength] : search,
            RegencyCode = regency,
            DistrictCode = district,
            VillageCode = village,
            Status = status is null ? null : Slug.Parse<InstitutionStatus>(status),
            Level = level,
            Sort = sort,
            Descending = Read("arah") == "turun",
            Page = int.TryParse(Read("halaman"), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1,
            HasIgnoredValues = ignored || (sortText is not null && !SortCodes.ContainsKey(sortText)),
        };
    }

    /// <summary>This query as a query string ("?q=...&amp;kabupaten=..."), with another sort or page if given.</summary>
    public string ToQueryString(RegisterSort? sort = null, bool? descending = null, int? page = null)
    {
        var builder = new QueryBuilder();
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                builder.Add(key, value);
            }
        }
        Add("q", Search);
        Add("kabupaten", RegencyCode);
        Add("kapanewon", DistrictCode);
        Add("kalurahan", VillageCode);
        Add("status", Status is { } status ? Slug.Of(status) : null);
        Add("tingkat", Level);
        Add("urut", SortCodeOf(sort ?? Sort));
        Add("arah", descending ?? Descending ? "turun" : null);
        Add("halaman", (page ?? Page) is > 1 and var p ? p.ToString(CultureInfo.InvariantCulture) : null);
        return builder.ToQueryString().Value ?? "";
    }

    /// <summary>The query-string code of a sort ("lokasi"), or null for the default sort by name.</summary>
    public static string? SortCodeOf(RegisterSort sort) =>
        sort == RegisterSort.Name ? null : SortCodes.First(c => c.Value == sort).Key;

    public sealed record Row(
        Guid Id, string Name, string VillageCode, string Hamlet, InstitutionStatus Status, string? Chair,
        StrengthLevel? Level, string? DecreeNumber, DateOnly? DecreeDate, int Beneficiaries, int Served);

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, int Page, int PageCount, Semester Semester, bool AggregatesOnly)
    {
        public int FirstNumber => Total == 0 ? 0 : ((Page - 1) * PageSize) + 1;

        /// <summary>A count for the screen; for the forum and partners a count below 5 reads "&lt;5".</summary>
        public string Count(int value) => AggregateCount.Format(value, AggregatesOnly);

        public bool IsHidden(int value) => AggregateCount.IsHidden(value, AggregatesOnly);
    }

    /// <summary>
    /// The filtered, sorted list: one page of it, or every row for the export. The counts come from two grouped
    /// queries over the WKSBM listed (over all filtered WKSBM when sorting by a count).
    /// </summary>
    public async Task<Result> LoadAsync(WahanaDbContext db, DateOnly today, bool allRows, CancellationToken cancellationToken)
    {
        var semester = Semester.Of(today);
        var filtered = Filter(Listed.Query(db));
        var total = await filtered.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Min(Page, pageCount);
        var skip = allRows ? 0 : (page - 1) * PageSize;
        var take = allRows ? int.MaxValue : PageSize;

        List<Listed> listed;
        Counts counts;
        if (Sort is RegisterSort.Beneficiaries or RegisterSort.Served)
        {
            var keys = await filtered.Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);
            counts = await Counts.LoadAsync(db, [.. keys.Select(k => k.Id)], semester, cancellationToken);
            var byCount = Sort == RegisterSort.Beneficiaries ? counts.Beneficiaries : counts.Served;
            var ordered = Descending
                ? keys.OrderByDescending(k => byCount.GetValueOrDefault(k.Id))
                : keys.OrderBy(k => byCount.GetValueOrDefault(k.Id));
            var ids = ordered.ThenBy(k => k.Name, StringComparer.Ordinal).Skip(skip).Take(take).Select(k => k.Id).ToList();
            var rows = await filtered.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
            listed = [.. ids.Select(id => rows[id])];
        }
        else
        {
            listed = await Order(filtered).Skip(skip).Take(take).ToListAsync(cancellationToken);
            counts = await Counts.LoadAsync(db, [.. listed.Select(r => r.Id)], semester, cancellationToken);
        }
        return new Result(
            [.. listed.Select(r => new Row(r.Id, r.Name, r.VillageCode, r.Hamlet, r.Status, r.Chair, r.Level, r.DecreeNumber,
                r.DecreeDate, counts.Beneficiaries.GetValueOrDefault(r.Id), counts.Served.GetValueOrDefault(r.Id)))],
            total, page, pageCount, semester, counts.AggregatesOnly);
    }

    private IQueryable<Listed> Filter(IQueryable<Listed> rows)
    {
        if (Search is not null)
        {
            // Lower-casing both sides finds "sido mulyo" in "WKSBM Sido Mulyo" on SQLite and PostgreSQL alike (EF Core
            // translates ToLower() and Contains() to lower() and instr()/strpos(); the .NET overloads the analyzers
            // prefer have no translation).
            var term = Search.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862
            rows = rows.Where(r => r.Name.ToLower().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (VillageCode is not null)
        {
            rows = rows.Where(r => r.VillageCode == VillageCode);
        }
        else if (DistrictCode is not null)
        {
            var prefix = DistrictCode + ".";
            rows = rows.Where(r => r.VillageCode.StartsWith(prefix));
        }
        else if (RegencyCode is not null)
        {
            rows = rows.Where(r => r.RegencyCode == RegencyCode);
        }
        if (Status is { } status)
        {
            rows = rows.Where(r => r.Status == status);
        }
        if (Level == NotAssessed)
        {
            rows = rows.Where(r => r.Level == null);
        }
        else if (Level is not null)
        {
            var level = Slug.Parse<StrengthLevel>(Level);
            rows = rows.Where(r => r.Level == level);
        }
        return rows;
    }

    private IQueryable<Listed> Order(IQueryable<Listed> rows)
    {
        var ordered = Sort switch
        {
            RegisterSort.Location => Descending ? rows.OrderByDescending(r => r.VillageCode) : rows.OrderBy(r => r.VillageCode),
            // By rank rather than the stored value, so the order holds however the level is stored.
            RegisterSort.Level => Descending ? rows.OrderByDescending(Listed.LevelRank) : rows.OrderBy(Listed.LevelRank),
            _ => Descending ? rows.OrderByDescending(r => r.Name) : rows.OrderBy(r => r.Name),
        };
        return ordered.ThenBy(r => r.Name).ThenBy(r => r.Id);
    }

    /// <summary>One WKSBM as the register lists it, with its chair and the level of its latest assessment.</summary>
    private sealed class Listed
    {
        public Guid Id { get; init; }

        public string Name { get; init; } = "";

        public string VillageCode { get; init; } = "";

        public string RegencyCode { get; init; } = "";

        public string Hamlet { get; init; } = "";

        public InstitutionStatus Status { get; init; }

        public string? DecreeNumber { get; init; }

        public DateOnly? DecreeDate { get; init; }

        public string? Chair { get; init; }

        public StrengthLevel? Level { get; init; }

        public static readonly System.Linq.Expressions.Expression<Func<Listed, int>> LevelRank = r =>
            r.Level == StrengthLevel.Mandiri ? 3 : r.Level == StrengthLevel.Berkembang ? 2 : r.Level == StrengthLevel.Tumbuh ? 1 : 0;

        public static IQueryable<Listed> Query(WahanaDbContext db) => db.Institutions.AsNoTracking().Select(i => new Listed
        {
            Id = i.Id,
            Name = i.Name,
            VillageCode = i.VillageCode,
            RegencyCode = i.RegencyCode,
            Hamlet = i.Hamlet,
            Status = i.Status,
            DecreeNumber = i.DecreeNumber,
            DecreeDate = i.DecreeDate,
            Chair = i.BoardMembers.Where(m => m.Position == BoardPosition.Ketua).OrderBy(m => m.Name).Select(m => m.Name).FirstOrDefault(),
            Level = db.Assessments.Where(a => a.InstitutionId == i.Id)
                .OrderByDescending(a => a.Year).ThenByDescending(a => a.Half)
                .Select(a => (StrengthLevel?)a.Level).FirstOrDefault(),
        });
    }

    /// <summary>Beneficiaries and people served this semester per WKSBM, each from one grouped query.</summary>
    private sealed record Counts(Dictionary<Guid, int> Beneficiaries, Dictionary<Guid, int> Served, bool AggregatesOnly)
    {
        public static async Task<Counts> LoadAsync(WahanaDbContext db, List<Guid> ids, Semester semester, CancellationToken cancellationToken)
        {
            // The forum and partners see no personal records, only counts of them (WahanaDbContext.*ToCount).
            var aggregatesOnly = !db.CurrentUser.Scope.SeesPeople;
            var people = db.BeneficiariesToCount;
            var services = db.ServicesToCount;
            if (ids.Count == 0)
            {
                return new([], [], aggregatesOnly);
            }
            var beneficiaries = await people.Where(b => ids.Contains(b.InstitutionId))
                .GroupBy(b => b.InstitutionId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
            var served = await services
                .Where(s => s.Date >= semester.Start && s.Date <= semester.End && ids.Contains(s.InstitutionId))
                .GroupBy(s => s.InstitutionId).Select(g => new { g.Key, People = g.Select(s => s.BeneficiaryId).Distinct().Count() })
                .ToDictionaryAsync(x => x.Key, x => x.People, cancellationToken);
            return new(beneficiaries, served, aggregatesOnly);
        }
    }

    public static string StatusName(InstitutionStatus status) => status switch
    {
        InstitutionStatus.Aktif => "Aktif",
        InstitutionStatus.Pembentukan => "Pembentukan",
        _ => "Tidak aktif",
    };

    public static string LevelName(StrengthLevel? level) => level is { } l ? Assessment.LevelName(l) : "Belum dinilai";
}
