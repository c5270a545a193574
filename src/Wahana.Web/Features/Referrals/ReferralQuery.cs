using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Referrals;

/// <summary>
/// The one list query of referrals, for the page (/rujukan) and GET /api/v1/referrals: direction, status, urgency,
/// WKSBM, overdue, and the page. Access scope is the DbContext's query filter; this only narrows within it.
/// </summary>
public sealed record ReferralQuery
{
    public const int PageSize = 25;

    public const int MaxApiPageSize = 200;

    public sealed record Row(
        Guid Id, Guid BeneficiaryId, string PersonName, Guid InstitutionId, string InstitutionName, string RegencyCode,
        ReferralDestination Destination, string DestinationName, Guid? DestinationInstitutionId, string? DestinationRegencyCode,
        string Reason, ReferralUrgency Urgency, ReferralStatus Status, DateOnly SentOn, string SentBy, DateTimeOffset StatusChangedAt,
        bool Overdue, Guid Version);

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, int Page, int Size)
    {
        public int PageCount => Total == 0 ? 0 : (Total + Size - 1) / Size;

        public int FirstNumber => ((Page - 1) * Size) + 1;
    }

    public ReferralDirection Direction { get; init; }

    public ReferralStatus? Status { get; init; }

    public ReferralUrgency? Urgency { get; init; }

    public Guid? InstitutionId { get; init; }

    public bool OverdueOnly { get; init; }

    public int Page { get; init; } = 1;

    public int Size { get; init; } = PageSize;

    public bool IsFiltered => Status is not null || Urgency is not null || InstitutionId is not null || OverdueOnly;

    /// <summary>The page's query string (arah, status, urgensi, terlambat, halaman), read leniently: an unknown value is dropped.</summary>
    public static ReferralQuery ParsePage(IQueryCollection query, ReferralDirection defaultDirection)
    {
        string? Read(string key) => query[key].FirstOrDefault()?.Trim() is { Length: > 0 } v ? v : null;
        var direction = Read("arah") switch
        {
            "dikirim" => ReferralDirection.Sent,
            "masuk" => ReferralDirection.Received,
            "semua" => ReferralDirection.All,
            _ => defaultDirection,
        };
        return new ReferralQuery
        {
            Direction = direction,
            Status = Slug.TryParse<ReferralStatus>(Read("status"), out var status) ? status : null,
            Urgency = Slug.TryParse<ReferralUrgency>(Read("urgensi"), out var urgency) ? urgency : null,
            OverdueOnly = Read("terlambat") is "1" or "ya",
            Page = int.TryParse(Read("halaman"), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= 100_000 ? page : 1,
        };
    }

    /// <summary>The API's query string (direction, status, urgency, institution, overdue, page, pageSize), read strictly.</summary>
    public static ReferralQuery? ParseApi(IQueryCollection query, out Dictionary<string, string[]> errors)
    {
        errors = [];
        string? Read(string key) => query[key].FirstOrDefault()?.Trim() is { Length: > 0 } v ? v : null;
        var direction = ReferralDirection.All;
        switch (Read("direction"))
        {
            case null or "all":
                break;
            case "sent":
                direction = ReferralDirection.Sent;
                break;
            case "received":
                direction = ReferralDirection.Received;
                break;
            default:
                errors["direction"] = ["Gunakan sent, received, atau all."];
                break;
        }
        ReferralStatus? status = null;
        if (Read("status") is { } statusText)
        {
            if (Slug.TryParse<ReferralStatus>(statusText, out var s))
            {
                status = s;
            }
            else
            {
                errors["status"] = ["Gunakan dikirim, diterima, ditangani, selesai, atau ditolak."];
            }
        }
        ReferralUrgency? urgency = null;
        if (Read("urgency") is { } urgencyText)
        {
            if (Slug.TryParse<ReferralUrgency>(urgencyText, out var u))
            {
                urgency = u;
            }
            else
            {
                errors["urgency"] = ["Gunakan biasa, segera, atau darurat."];
            }
        }
        Guid? institutionId = null;
        if (Read("institution") is { } institutionText)
        {
            if (Guid.TryParse(institutionText, out var id))
            {
                institutionId = id;
            }
            else
            {
                errors["institution"] = ["Bukan id WKSBM yang sah."];
            }
        }
        var overdue = false;
        if (Read("overdue") is { } overdueText && !bool.TryParse(overdueText, out overdue))
        {
            errors["overdue"] = ["Gunakan true atau false."];
        }
        var page = 1;
        if (Read("page") is { } pageText && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            errors["page"] = ["Halaman dimulai dari 1."];
        }
        var size = PageSize;
        if (Read("pageSize") is { } sizeText
            && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > MaxApiPageSize))
        {
            errors["pageSize"] = [$"Ukuran halaman 1 sampai {MaxApiPageSize}."];
        }
        return errors.Count > 0 ? null : new ReferralQuery
        {
            Direction = direction, Status = status, Urgency = urgency, InstitutionId = institutionId, OverdueOnly = overdue, Page = page, Size = size,
        };
    }

    /// <summary>The page's link with these filters and another direction or page.</summary>
    public string ToQueryString(ReferralDirection? direction = null, int? page = null)
    {
        var parts = new List<string>
        {
            "arah=" + ((direction ?? Direction) switch { ReferralDirection.Sent => "dikirim", ReferralDirection.Received => "masuk", _ => "semua" }),
        };
        if (Status is { } status)
        {
            parts.Add("status=" + Slug.Of(status));
        }
        if (Urgency is { } urgency)
        {
            parts.Add("urgensi=" + Slug.Of(urgency));
        }
        if (OverdueOnly)
        {
            parts.Add("terlambat=1");
        }
        if ((page ?? 1) > 1)
        {
            parts.Add("halaman=" + page!.Value.ToString(CultureInfo.InvariantCulture));
        }
        return "?" + string.Join("&", parts);
    }

    public async Task<Result> LoadAsync(WahanaDbContext db, DateTimeOffset now, int overdueDays, CancellationToken cancellationToken)
    {
        var cutoff = ReferralRules.OverdueCutoff(now, overdueDays);
        var referrals = ReferralRules.InDirection(db.Referrals.AsNoTracking(), Direction, db.CurrentUser.Scope);
        if (Status is { } status)
        {
            referrals = referrals.Where(r => r.Status == status);
        }
        if (Urgency is { } urgency)
        {
            referrals = referrals.Where(r => r.Urgency == urgency);
        }
        if (InstitutionId is { } institutionId)
        {
            referrals = referrals.Where(r => r.InstitutionId == institutionId || r.DestinationInstitutionId == institutionId);
        }
        if (OverdueOnly)
        {
            referrals = ReferralRules.Overdue(referrals, cutoff);
        }
        var total = await referrals.CountAsync(cancellationToken);
        var page = await referrals.OrderByDescending(r => r.SentOn).ThenByDescending(r => r.CreatedAt)
            .Skip((Page - 1) * Size).Take(Size).ToListAsync(cancellationToken);
        var people = await PersonNamesAsync(db, [.. page.Select(r => r.BeneficiaryId)], cancellationToken);
        var institutions = await InstitutionNamesAsync(db, [.. page.Select(r => r.InstitutionId)], cancellationToken);
        var rows = page.Select(r => new Row(
            r.Id, r.BeneficiaryId, people.GetValueOrDefault(r.BeneficiaryId, ""), r.InstitutionId, institutions.GetValueOrDefault(r.InstitutionId, ""),
            r.RegencyCode, r.Destination, r.DestinationName, r.DestinationInstitutionId, r.DestinationRegencyCode, r.Reason, r.Urgency, r.Status,
            r.SentOn, r.SentBy, r.StatusChangedAt, r.IsOverdue(now, overdueDays), r.Version)).ToList();
        return new Result(rows, total, Page, Size);
    }

    /// <summary>
    /// The names of the people referred in these (already visible) referrals. The receiving side does not see the
    /// person in the registry, so the name is read explicitly, for these ids only.
    /// </summary>
    public static async Task<Dictionary<Guid, string>> PersonNamesAsync(WahanaDbContext db, Guid[] ids, CancellationToken cancellationToken) =>
        ids.Length == 0 ? [] : await db.Beneficiaries.IgnoreQueryFilters().AsNoTracking().Where(b => ids.Contains(b.Id))
            .Select(b => new { b.Id, b.Name }).ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);

    /// <summary>The names of WKSBM (public facts, read regardless of the user's institution scope).</summary>
    public static async Task<Dictionary<Guid, string>> InstitutionNamesAsync(WahanaDbContext db, Guid[] ids, CancellationToken cancellationToken) =>
        ids.Length == 0 ? [] : await db.Institutions.IgnoreQueryFilters().AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Name }).ToDictionaryAsync(i => i.Id, i => i.Name, cancellationToken);
}
