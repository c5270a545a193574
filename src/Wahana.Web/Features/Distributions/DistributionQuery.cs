using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Distributions;

/// <summary>
/// The list of activities (/kegiatan, its Excel export and GET /api/v1/distributions): by WKSBM and semester, newest
/// first, paged in the database, with people and rupiah per activity and for the whole filtered list. The access
/// scope comes from the DbContext's query filters (deleted activities and services are hidden there too).
/// </summary>
public sealed class DistributionQuery
{
    public const int PageSize = 25;

    public const int MaxApiPageSize = 200;

    public Guid? InstitutionId { get; private init; }

    /// <summary>The semester shown; null for every period.</summary>
    public Semester? Period { get; private init; }

    public int Page { get; private init; } = 1;

    public int Size { get; private init; } = PageSize;

    public sealed record Row(
        Guid Id, DateOnly Date, string Title, Guid InstitutionId, string InstitutionName, ServiceKind Kind, ServiceForm Form,
        FundingSource FundingSource, Guid? PartnerId, string? PartnerName, long ValuePerPerson, int People, long Rupiah, string RecordedBy);

    public sealed record Totals(int Activities, int People, long Rupiah);

    public sealed record Result(IReadOnlyList<Row> Rows, Totals Totals, int Page, int Size)
    {
        public int PageCount => Math.Max(1, (Totals.Activities + Size - 1) / Size);
    }

    /// <summary>The page's query string (wksbm, periode = "2026-1" or "semua", halaman), read leniently; the current semester by default.</summary>
    public static DistributionQuery ParsePage(IQueryCollection query, DateOnly today)
    {
        var period = query["periode"].FirstOrDefault();
        return new DistributionQuery
        {
            InstitutionId = Guid.TryParse(query["wksbm"].FirstOrDefault(), out var id) ? id : null,
            Period = period == "semua" ? null : Semester.Parse(period) ?? Semester.Of(today),
            Page = int.TryParse(query["halaman"].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1,
        };
    }

    /// <summary>The API's query string (institution, period, page, pageSize), read strictly; every period by default.</summary>
    public static DistributionQuery? ParseApi(IQueryCollection query, out Dictionary<string, string[]> errors)
    {
        errors = [];
        string? Read(string key) => query[key].FirstOrDefault()?.Trim() is { Length: > 0 } value ? value : null;
        Guid? institution = null;
        if (Read("institution") is { } institutionText)
        {
            if (Guid.TryParse(institutionText, out var parsed))
            {
                institution = parsed;
            }
            else
            {
                errors["institution"] = ["Id WKSBM tidak valid."];
            }
        }
        Semester? period = null;
        if (Read("period") is { } periodText)
        {
            period = Semester.Parse(periodText);
            if (period is null)
            {
                errors["period"] = ["Periode ditulis tahun-semester, misalnya 2026-1 (Januari-Juni) atau 2026-2 (Juli-Desember)."];
            }
        }
        var page = 1;
        if (Read("page") is { } pageText && !(int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page >= 1))
        {
            errors["page"] = ["Halaman dimulai dari 1."];
        }
        var size = PageSize;
        if (Read("pageSize") is { } sizeText
            && !(int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out size) && size is >= 1 and <= MaxApiPageSize))
        {
            errors["pageSize"] = [$"Ukuran halaman 1 sampai {MaxApiPageSize}."];
        }
        return errors.Count > 0 ? null : new DistributionQuery { InstitutionId = institution, Period = period, Page = page, Size = size };
    }

    public string ToQueryString(int? page = null, bool forExport = false)
    {
        var parts = new List<string>();
        if (InstitutionId is { } id)
        {
            parts.Add($"wksbm={id}");
        }
        parts.Add("periode=" + (Period?.ToString() ?? "semua"));
        if (!forExport && (page ?? Page) > 1)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"halaman={page ?? Page}"));
        }
        return "?" + string.Join("&", parts);
    }

    /// <summary>The filtered activities in the user's scope, newest first (every page).</summary>
    public IQueryable<Distribution> Filtered(WahanaDbContext db)
    {
        var rows = db.Distributions.AsNoTracking();
        if (InstitutionId is { } institution)
        {
            rows = rows.Where(d => d.InstitutionId == institution);
        }
        if (Period is { } period)
        {
            var (start, end) = (period.Start, period.End);
            rows = rows.Where(d => d.Date >= start && d.Date <= end);
        }
        return rows.OrderByDescending(d => d.Date).ThenByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id);
    }

    /// <summary>One page and the totals. The page shows the last page when asked past the end; the API (<paramref name="clampPage"/> false) answers an empty page.</summary>
    public async Task<Result> LoadAsync(WahanaDbContext db, CancellationToken cancellationToken, bool clampPage = true)
    {
        var filtered = Filtered(db);
        var activities = await filtered.CountAsync(cancellationToken);
        var services = db.Services.Where(s => s.DistributionId != null && filtered.Select(d => d.Id).Contains(s.DistributionId.Value));
        var people = await services.Select(s => s.BeneficiaryId).Distinct().CountAsync(cancellationToken);
        var rupiah = await services.SumAsync(s => (long?)s.ValueRupiah, cancellationToken) ?? 0;
        var page = clampPage ? Math.Min(Page, Math.Max(1, (activities + Size - 1) / Size)) : Page;
        var rows = await RowsAsync(db, filtered.Skip((page - 1) * Size).Take(Size), cancellationToken);
        return new Result(rows, new Totals(activities, people, rupiah), page, Size);
    }

    /// <summary>The rows of some activities, with their people and rupiah counted from their (not deleted) services.</summary>
    public static async Task<IReadOnlyList<Row>> RowsAsync(WahanaDbContext db, IQueryable<Distribution> distributions, CancellationToken cancellationToken)
    {
        var listed = await distributions
            .Select(d => new
            {
                d.Id, d.Date, d.Name, d.InstitutionId, d.Kind, d.Form, d.FundingSource, d.PartnerId, d.ValuePerPerson, d.RecordedBy,
                Institution = db.Institutions.Where(i => i.Id == d.InstitutionId).Select(i => i.Name).FirstOrDefault(),
                Partner = db.Partners.Where(p => p.Id == d.PartnerId).Select(p => p.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var ids = listed.Select(d => (Guid?)d.Id).ToList();
        var totals = ids.Count == 0 ? [] : await db.Services.AsNoTracking()
            .Where(s => ids.Contains(s.DistributionId))
            .GroupBy(s => s.DistributionId)
            .Select(g => new { g.Key, People = g.Count(), Rupiah = g.Sum(s => s.ValueRupiah) })
            .ToDictionaryAsync(g => g.Key!.Value, cancellationToken);
        return [.. listed.Select(d =>
        {
            var total = totals.GetValueOrDefault(d.Id);
            return new Row(d.Id, d.Date, d.Name, d.InstitutionId, d.Institution ?? "", d.Kind, d.Form, d.FundingSource, d.PartnerId, d.Partner,
                d.ValuePerPerson, total?.People ?? 0, total?.Rupiah ?? 0, d.RecordedBy);
        })];
    }
}
