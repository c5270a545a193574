using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Duplicates;

/// <summary>Open pairs wait for a decision; decided ones are history.</summary>
public enum QueueStatus
{
    Open,
    Decided,
}

/// <summary>
/// The review queue of likely duplicate pairs, for the page and the API: the pairs whose both people the user may
/// see (the DuplicatePair query filter), best scores first, by kabupaten/kota and status, a page at a time.
/// </summary>
public sealed class ReviewQuery
{
    public const int PageSize = 20;

    public QueueStatus Status { get; init; } = QueueStatus.Open;

    /// <summary>Pairs with at least one person in this kabupaten/kota.</summary>
    public string? RegencyCode { get; init; }

    public int Page { get; init; } = 1;

    public int Size { get; init; } = PageSize;

    /// <summary>True when a value of the query string was not understood and was left out.</summary>
    public bool HasIgnoredValues { get; init; }

    public bool IsFiltered => Status != QueueStatus.Open || RegencyCode is not null;

    /// <summary>The page's query string (status=open|decided, kabupaten, halaman), read leniently.</summary>
    public static ReviewQuery Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ignored = false;
        string? Read(string key) => query[key].FirstOrDefault()?.Trim() is { Length: > 0 } v ? v : null;
        var status = Read("status");
        var regency = Read("kabupaten");
        if (status is not null and not ("open" or "decided"))
        {
            ignored = true;
            status = null;
        }
        if (regency is not null && !RegionCatalog.Instance.IsDiyRegency(regency))
        {
            ignored = true;
            regency = null;
        }
        return new ReviewQuery
        {
            Status = status == "decided" ? QueueStatus.Decided : QueueStatus.Open,
            RegencyCode = regency,
            Page = int.TryParse(Read("halaman"), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1,
            HasIgnoredValues = ignored,
        };
    }

    public string ToQueryString(int? page = null)
    {
        var builder = new QueryBuilder();
        if (Status == QueueStatus.Decided)
        {
            builder.Add("status", "decided");
        }
        if (RegencyCode is not null)
        {
            builder.Add("kabupaten", RegencyCode);
        }
        if ((page ?? Page) is > 1 and var p)
        {
            builder.Add("halaman", p.ToString(CultureInfo.InvariantCulture));
        }
        return builder.ToQueryString().Value ?? "";
    }

    /// <summary>One side of a pair, as the queue shows it: identity numbers masked.</summary>
    public sealed record Side(
        Guid Id, string Name, string? NikMasked, bool HasNik, Sex Sex, DateOnly BirthDate, string VillageCode, string RegencyCode,
        Guid InstitutionId, string InstitutionName, IReadOnlyList<string> Categories, int Services, DateOnly RegisteredOn, Guid? MergedIntoId);

    public sealed record Row(
        Guid Id, double Score, string Reasons, DateTimeOffset FoundAt, DuplicateDecision? Decision, string? DecidedBy,
        DateTimeOffset? DecidedAt, string? Note, Side First, Side Second);

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, int Page, int PageCount, int Size)
    {
        public int FirstNumber => Total == 0 ? 0 : ((Page - 1) * Size) + 1;
    }

    /// <summary>
    /// Pairs in scope. A merged record is hidden everywhere, yet a decided pair shows it: the pair filter's own check
    /// that both people are in scope keeps applying, only the merged filter is lifted for this query.
    /// </summary>
    public static IQueryable<DuplicatePair> Pairs(WahanaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.DuplicatePairs.IgnoreQueryFilters([WahanaDbContext.MergedFilter]);
    }

    public async Task<Result> LoadAsync(WahanaDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pairs = Pairs(db);
        pairs = Status == QueueStatus.Open ? pairs.Where(p => p.Decision == null) : pairs.Where(p => p.Decision != null);
        if (RegencyCode is { } regency)
        {
            var people = db.Beneficiaries.IgnoreQueryFilters([WahanaDbContext.MergedFilter]);
            pairs = pairs.Where(p => people.Any(b => (b.Id == p.FirstId || b.Id == p.SecondId) && b.RegencyCode == regency));
        }
        var total = await pairs.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + Size - 1) / Size);
        var page = Math.Min(Page, pageCount);
        var ordered = Status == QueueStatus.Open
            ? pairs.OrderByDescending(p => p.Score).ThenBy(p => p.FoundAt).ThenBy(p => p.Id)
            : pairs.OrderByDescending(p => p.DecidedAt).ThenBy(p => p.Id);
        var rows = await ordered.Skip((page - 1) * Size).Take(Size).AsNoTracking().ToListAsync(cancellationToken);
        var sides = await SidesAsync(db, [.. rows.SelectMany(p => new[] { p.FirstId, p.SecondId }).Distinct()], cancellationToken);
        return new Result(
            [.. rows.Where(p => sides.ContainsKey(p.FirstId) && sides.ContainsKey(p.SecondId)).Select(p => RowOf(p, sides))],
            total, page, pageCount, Size);
    }

    public static Row RowOf(DuplicatePair pair, IReadOnlyDictionary<Guid, Side> sides)
    {
        ArgumentNullException.ThrowIfNull(pair);
        ArgumentNullException.ThrowIfNull(sides);
        return new(pair.Id, pair.Score, pair.Reasons, pair.FoundAt, pair.Decision, pair.DecidedBy, pair.DecidedAt, pair.Note,
            sides[pair.FirstId], sides[pair.SecondId]);
    }

    /// <summary>The people of some pairs with their WKSBM, categories and number of services, all within the user's scope.</summary>
    public static async Task<Dictionary<Guid, Side>> SidesAsync(WahanaDbContext db, List<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (ids.Count == 0)
        {
            return [];
        }
        var people = await db.Beneficiaries.IgnoreQueryFilters([WahanaDbContext.MergedFilter]).AsNoTracking()
            .Where(b => ids.Contains(b.Id))
            .Select(b => new
            {
                b.Id, b.Name, b.Nik, b.Sex, b.BirthDate, b.VillageCode, b.RegencyCode, b.InstitutionId, b.RegisteredOn, b.MergedIntoId,
                Institution = b.Institution!.Name,
            })
            .ToListAsync(cancellationToken);
        var categoryNames = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var categories = (await db.BeneficiaryCategories.AsNoTracking().Where(c => ids.Contains(c.BeneficiaryId))
                .Select(c => new { c.BeneficiaryId, c.CategoryId }).ToListAsync(cancellationToken))
            .ToLookup(c => c.BeneficiaryId, c => c.CategoryId);
        var services = await db.Services.AsNoTracking().Where(s => ids.Contains(s.BeneficiaryId))
            .GroupBy(s => s.BeneficiaryId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        return people.ToDictionary(p => p.Id, p => new Side(
            p.Id, p.Name, p.Nik is null ? null : Nik.Mask(p.Nik), p.Nik is not null, p.Sex, p.BirthDate, p.VillageCode, p.RegencyCode,
            p.InstitutionId, p.Institution,
            [.. categories[p.Id].Order().Select(c => categoryNames.GetValueOrDefault(c, c.ToString(CultureInfo.InvariantCulture)))],
            services.GetValueOrDefault(p.Id), p.RegisteredOn, p.MergedIntoId));
    }

    public static string DecisionName(DuplicateDecision decision) => decision switch
    {
        DuplicateDecision.BedaOrang => "Bukan orang yang sama",
        _ => "Digabung",
    };
}
