using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Services;

/// <summary>
/// The one query of the services list, shared by /layanan, its Excel export and GET /api/v1/services: WKSBM,
/// person, semester and kind, newest first, paged in the database, with the totals of everything that matches.
/// Access scope comes from the DbContext's query filters only. The page reads its query string leniently
/// (<see cref="ParsePage"/>), the API strictly (<see cref="ParseApi"/>).
/// </summary>
public sealed class ServiceQuery
{
    public const int PageSize = 25;

    public const int MaxApiPageSize = 200;

    public Guid? InstitutionId { get; private init; }

    public Guid? BeneficiaryId { get; private init; }

    /// <summary>The semester; null for every period.</summary>
    public Semester? Semester { get; private init; }

    public ServiceKind? Kind { get; private init; }

    public int Page { get; private init; } = 1;

    public int Size { get; private init; } = PageSize;

    public sealed record Row(
        Guid Id, DateOnly Date, Guid BeneficiaryId, string? BeneficiaryName, Guid InstitutionId, string? InstitutionName,
        ServiceKind Kind, ServiceForm Form, long ValueRupiah, FundingSource FundingSource, Guid? PartnerId, string? PartnerName,
        Guid? DistributionId, string RecordedBy, bool HasPhoto);

    public sealed record Totals(int Services, int People, long Rupiah);

    public sealed record Result(IReadOnlyList<Row> Rows, Totals Totals, int Page, int PageSize)
    {
        public int PageCount => Math.Max(1, (Totals.Services + PageSize - 1) / PageSize);

        public int FirstNumber => (Page - 1) * PageSize + 1;
    }

    /// <summary>The page's query string: wksbm, periode ("2026-1", or "semua"), jenis, halaman. Unknown values are dropped.</summary>
    public static ServiceQuery ParsePage(IQueryCollection query, Semester current)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? Read(string key) => query[key].FirstOrDefault()?.Trim() is { Length: > 0 } value ? value : null;
        var period = Read("periode");
        return new ServiceQuery
        {
            InstitutionId = Guid.TryParse(Read("wksbm"), out var institution) ? institution : null,
            BeneficiaryId = Guid.TryParse(Read("penerima"), out var person) ? person : null,
            Semester = period == "semua" ? null : Domain.Semester.Parse(period) ?? current,
            Kind = Slug.TryParse<ServiceKind>(Read("jenis"), out var kind) ? kind : null,
            Page = int.TryParse(Read("halaman"), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1,
        };
    }

    /// <summary>The API's query string: institution, beneficiary, period ("2026-1"), kind (slug), page, pageSize. Errors by field.</summary>
    public static ServiceQuery? ParseApi(IQueryCollection query, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        var problems = new Dictionary<string, string[]>();
        errors = problems;
        string? Read(string key) => query[key].FirstOrDefault()?.Trim() is { Length: > 0 } value ? value : null;
        Guid? ReadId(string key)
        {
            var text = Read(key);
            if (text is null)
            {
                return null;
            }
            if (Guid.TryParse(text, out var id))
            {
                return id;
            }
            problems[key] = ["Bukan id yang sah."];
            return null;
        }
        int ReadNumber(string key, int fallback, int max)
        {
            var text = Read(key);
            if (text is null)
            {
                return fallback;
            }
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= max)
            {
                return number;
            }
            problems[key] = [$"Bilangan bulat 1 sampai {max}."];
            return fallback;
        }
        Semester? semester = null;
        if (Read("period") is { } period)
        {
            if (Domain.Semester.Parse(period) is { } parsed)
            {
                semester = parsed;
            }
            else
            {
                problems["period"] = ["Tulis semester sebagai tahun-semester, misalnya 2026-1 (Januari–Juni) atau 2026-2 (Juli–Desember)."];
            }
        }
        ServiceKind? kind = null;
        if (Read("kind") is { } kindText)
        {
            if (Slug.TryParse<ServiceKind>(kindText, out var parsed))
            {
                kind = parsed;
            }
            else
            {
                problems["kind"] = ["Jenis layanan: " + string.Join(", ", ServiceNames.Kinds.Select(k => Slug.Of(k))) + "."];
            }
        }
        var result = new ServiceQuery
        {
            InstitutionId = ReadId("institution"),
            BeneficiaryId = ReadId("beneficiary"),
            Semester = semester,
            Kind = kind,
            Page = ReadNumber("page", 1, int.MaxValue),
            Size = ReadNumber("pageSize", PageSize, MaxApiPageSize),
        };
        return problems.Count == 0 ? result : null;
    }

    /// <summary>The matching services (in the user's scope), unordered.</summary>
    public IQueryable<Service> Filter(WahanaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var services = db.Services.AsNoTracking();
        if (InstitutionId is { } institution)
        {
            services = services.Where(s => s.InstitutionId == institution);
        }
        if (BeneficiaryId is { } person)
        {
            services = services.Where(s => s.BeneficiaryId == person);
        }
        if (Semester is { } semester)
        {
            var (start, end) = (semester.Start, semester.End);
            services = services.Where(s => s.Date >= start && s.Date <= end);
        }
        if (Kind is { } kind)
        {
            services = services.Where(s => s.Kind == kind);
        }
        return services;
    }

    /// <summary>The matching services as rows, newest first (all of them: for the export, streamed).</summary>
    public IQueryable<Row> Rows(WahanaDbContext db) =>
        Filter(db).OrderByDescending(s => s.Date).ThenByDescending(s => s.Id).Select(s => new Row(
            s.Id, s.Date, s.BeneficiaryId,
            db.Beneficiaries.Where(b => b.Id == s.BeneficiaryId).Select(b => b.Name).FirstOrDefault(),
            s.InstitutionId,
            db.Institutions.Where(i => i.Id == s.InstitutionId).Select(i => i.Name).FirstOrDefault(),
            s.Kind, s.Form, s.ValueRupiah, s.FundingSource, s.PartnerId,
            db.Partners.Where(p => p.Id == s.PartnerId).Select(p => p.Name).FirstOrDefault(),
            s.DistributionId, s.RecordedBy, s.PhotoFile != null));

    /// <summary>One page and the totals of every match.</summary>
    public async Task<Result> LoadAsync(WahanaDbContext db, CancellationToken cancellationToken)
    {
        var totals = await TotalsAsync(Filter(db), cancellationToken);
        var rows = await Rows(db).Skip((Page - 1) * Size).Take(Size).ToListAsync(cancellationToken);
        return new Result(rows, totals, Page, Size);
    }

    public static async Task<Totals> TotalsAsync(IQueryable<Service> services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var count = await services.CountAsync(cancellationToken);
        if (count == 0)
        {
            return new Totals(0, 0, 0);
        }
        var people = await services.Select(s => s.BeneficiaryId).Distinct().CountAsync(cancellationToken);
        var rupiah = await services.SumAsync(s => s.ValueRupiah, cancellationToken);
        return new Totals(count, people, rupiah);
    }

    /// <summary>The page's query string for these filters (and a page), for links.</summary>
    public string ToQueryString(int? page = null, bool includePerson = true)
    {
        var parts = new List<string>();
        if (InstitutionId is { } institution)
        {
            parts.Add($"wksbm={institution}");
        }
        if (includePerson && BeneficiaryId is { } person)
        {
            parts.Add($"penerima={person}");
        }
        parts.Add("periode=" + (Semester?.ToString() ?? "semua"));
        if (Kind is { } kind)
        {
            parts.Add("jenis=" + Slug.Of(kind));
        }
        if ((page ?? Page) > 1)
        {
            parts.Add("halaman=" + (page ?? Page).ToString(CultureInfo.InvariantCulture));
        }
        return "?" + string.Join("&", parts);
    }

    /// <summary>What the export was filtered by, for its audit entry.</summary>
    public Dictionary<string, object?> Describe() => new()
    {
        ["institution"] = InstitutionId,
        ["beneficiary"] = BeneficiaryId,
        ["period"] = Semester?.ToString(),
        ["kind"] = Kind is { } kind ? Slug.Of(kind) : null,
    };
}
