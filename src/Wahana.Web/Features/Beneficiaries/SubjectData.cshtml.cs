using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Beneficiaries;

/// <summary>
/// The data-subject export (UU PDP: the right to see one's data): everything Wahana holds about one person, as a
/// printable A4 page (/penerima/{id}/data) and as JSON (/penerima/{id}/data.json). Full NIK and KK included, so
/// only the roles that may reveal them, within scope; each export is audited.
/// </summary>
[Authorize(Policy = WahanaPolicies.IdentityReveal)]
public sealed class SubjectDataModel(WahanaDbContext db, TimeProvider clock) : PageModel
{
    public const string AuditAction = "ExportSubjectData";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public sealed record PersonData(
        Guid Id, string Name, string? Nik, string? Kk, string? NoNikReason, Sex Sex, string BirthPlace, DateOnly BirthDate,
        string VillageCode, string Village, string Hamlet, string? Rt, string? Rw, string Address, string? Phone, int? Desil,
        Guid InstitutionId, string Institution, DateOnly RegisteredOn, BeneficiaryStatus Status, DateTimeOffset CreatedAt,
        DateTimeOffset? ErasedAt);

    public sealed record CategoryData(string Slug, string Name);

    public sealed record ConsentData(DateOnly? GivenOn, string? GivenBy, bool ByGuardian);

    public sealed record StatusData(BeneficiaryStatus Status, DateOnly EffectiveOn, string Note, string ChangedBy, DateTimeOffset ChangedAt);

    public sealed record ServiceData(
        Guid Id, DateOnly Date, ServiceKind Kind, ServiceForm Form, long ValueRupiah, FundingSource FundingSource, string? Partner,
        string Institution, string? Notes);

    public sealed record DuplicateData(Guid OtherRecordId, double Score, string Reasons, DuplicateDecision? Decision, string? DecidedBy, DateTimeOffset? DecidedAt, string? Note);

    public sealed record ShareRequestData(
        string HolderInstitution, string RequestingInstitution, ShareRequestStatus Status, string Note, DateTimeOffset RequestedAt,
        DateTimeOffset? DecidedAt, string? DecisionNote);

    public sealed record MergedRecordData(Guid Id, string Name, string? Nik, string? Kk, DateOnly BirthDate, string VillageCode, Guid InstitutionId);

    public sealed record AuditData(DateTimeOffset At, string UserName, string Action, string EntityType, string EntityId, string? OldValues, string? NewValues);

    public sealed record SubjectExport(
        DateTimeOffset GeneratedAt, string GeneratedBy, PersonData Person, IReadOnlyList<CategoryData> Categories, ConsentData Consent,
        IReadOnlyList<StatusData> StatusHistory, IReadOnlyList<ServiceData> Services, IReadOnlyList<DuplicateData> DuplicateDecisions,
        IReadOnlyList<ShareRequestData> ShareRequests, IReadOnlyList<MergedRecordData> MergedRecords, IReadOnlyList<AuditData> AuditEntries);

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>"data" for the printable page, "data.json" for the JSON.</summary>
    [BindProperty(SupportsGet = true, Name = "file")]
    public string? DataFile { get; set; }

    private string? Format => DataFile == "data.json" ? "json" : null;

    public SubjectExport Data { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (DataFile is not ("data" or "data.json"))
        {
            return NotFound();
        }
        var person = await db.Beneficiaries.AsNoTracking().Include(b => b.Categories).Include(b => b.StatusChanges)
            .SingleOrDefaultAsync(b => b.Id == Id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        db.AuditEntries.Add(ActionAudit.Entry(db.CurrentUser, AuditAction, nameof(Beneficiary), Id.ToString(),
            new Dictionary<string, object?> { ["format"] = Format ?? "html" }));
        await db.SaveChangesAsync(cancellationToken);
        Data = await CollectAsync(db, person, clock.GetUtcNow(), cancellationToken);
        Response.Headers.CacheControl = "no-store";
        if (Format == "json")
        {
            Response.Headers.ContentDisposition = $"attachment; filename=\"data-penerima-{Id}.json\"";
            return new JsonResult(Data, JsonOptions);
        }
        return Page();
    }

    /// <summary>
    /// Everything held about the person: the record, its history, services and decisions, records merged into it,
    /// and the audit entries about all of these. The person is in the user's scope (checked by the caller); what
    /// others recorded about this same person (a service by another WKSBM, a merged record) belongs to it too.
    /// </summary>
    public static async Task<SubjectExport> CollectAsync(WahanaDbContext db, Beneficiary person, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = person.Id;
        var institutions = await db.Institutions.IgnoreQueryFilters().AsNoTracking().Select(i => new { i.Id, i.Name })
            .ToDictionaryAsync(i => i.Id, i => i.Name, cancellationToken);
        var partners = await db.Partners.AsNoTracking().Select(p => new { p.Id, p.Name })
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var services = await db.Services.IgnoreQueryFilters().AsNoTracking().Where(s => s.BeneficiaryId == id)
            .OrderByDescending(s => s.Date).ToListAsync(cancellationToken);
        var pairs = await db.DuplicatePairs.IgnoreQueryFilters().AsNoTracking().Where(p => p.FirstId == id || p.SecondId == id)
            .OrderBy(p => p.FoundAt).ToListAsync(cancellationToken);
        var requests = await db.ServiceShareRequests.IgnoreQueryFilters().AsNoTracking().Where(r => r.BeneficiaryId == id)
            .OrderBy(r => r.RequestedAt).ToListAsync(cancellationToken);
        var merged = await db.Beneficiaries.IgnoreQueryFilters().AsNoTracking().Where(b => b.MergedIntoId == id)
            .Select(b => new MergedRecordData(b.Id, b.Name, b.Nik, b.Kk, b.BirthDate, b.VillageCode, b.InstitutionId))
            .ToListAsync(cancellationToken);

        var about = new List<string> { id.ToString() };
        about.AddRange(person.StatusChanges.Select(c => c.Id.ToString()));
        about.AddRange(services.Select(s => s.Id.ToString()));
        about.AddRange(pairs.Select(p => p.Id.ToString()));
        about.AddRange(requests.Select(r => r.Id.ToString()));
        about.AddRange(merged.Select(m => m.Id.ToString()));
        var categoryPrefix = id + "/";
        var audit = await db.AuditEntries.AsNoTracking()
            .Where(a => about.Contains(a.EntityId) || a.EntityId.StartsWith(categoryPrefix))
            .OrderBy(a => a.At)
            .Select(a => new AuditData(a.At, a.UserName, a.Action, a.EntityType, a.EntityId, a.OldValues, a.NewValues))
            .ToListAsync(cancellationToken);

        return new SubjectExport(
            now, db.CurrentUser.Name,
            new PersonData(person.Id, person.Name, person.Nik, person.Kk, person.NoNikReason, person.Sex, person.BirthPlace, person.BirthDate,
                person.VillageCode, RegionCatalog.Instance.Describe(person.VillageCode), person.Hamlet, person.Rt, person.Rw, person.Address,
                person.Phone, person.Desil, person.InstitutionId, institutions.GetValueOrDefault(person.InstitutionId, ""), person.RegisteredOn,
                person.Status, person.CreatedAt, person.ErasedAt),
            [.. BeneficiaryQuery.CategoriesOf(person.Categories.Select(c => c.CategoryId)).Select(c => new CategoryData(c.Slug, c.Name))],
            new ConsentData(person.ConsentGivenOn, person.ConsentGivenBy, person.ConsentByGuardian),
            [.. person.StatusChanges.OrderByDescending(c => c.EffectiveOn).ThenByDescending(c => c.ChangedAt)
                .Select(c => new StatusData(c.Status, c.EffectiveOn, c.Note, c.ChangedBy, c.ChangedAt))],
            [.. services.Select(s => new ServiceData(s.Id, s.Date, s.Kind, s.Form, s.ValueRupiah, s.FundingSource,
                s.PartnerId is { } partner ? partners.GetValueOrDefault(partner) : null, institutions.GetValueOrDefault(s.InstitutionId, ""), s.Notes))],
            [.. pairs.Select(p => new DuplicateData(p.FirstId == id ? p.SecondId : p.FirstId, p.Score, p.Reasons, p.Decision, p.DecidedBy, p.DecidedAt, p.Note))],
            [.. requests.Select(r => new ShareRequestData(institutions.GetValueOrDefault(r.HolderInstitutionId, ""),
                institutions.GetValueOrDefault(r.RequestingInstitutionId, ""), r.Status, r.Note, r.RequestedAt, r.DecidedAt, r.DecisionNote))],
            merged,
            audit);
    }
}
