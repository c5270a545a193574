using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Beneficiaries;

/// <summary>
/// Shared service (layanan bersama): a WKSBM that meets a person another WKSBM already holds asks that WKSBM to
/// serve the person together instead of registering them twice. The holder's pengurus (or its district office, or
/// the province) accepts or declines with a note. The asking side never sees the person's data, only the holder.
/// </summary>
[Authorize(Policy = WahanaPolicies.PersonalData)]
public sealed class ShareRequestsModel(WahanaDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(
        Guid Id, ShareRequestStatus Status, string OtherInstitution, string OtherRegency, string? OtherPhone, Guid? PersonId, string? PersonName,
        string Note, string RequestedBy, DateTimeOffset RequestedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote, bool MayDecide);

    /// <summary>Requests to the user's WKSBM (or kabupaten/kota, or the whole province): they answer these.</summary>
    public IReadOnlyList<Row> Incoming { get; private set; } = [];

    /// <summary>Requests the user's WKSBM (or kabupaten/kota) sent to others.</summary>
    public IReadOnlyList<Row> Outgoing { get; private set; } = [];

    public bool SeesOutgoing => !db.CurrentUser.Scope.AllPeople;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Asks the holder of a person for shared service; the person is named by the NIK the user typed or by a candidate shown to them.</summary>
    public async Task<IActionResult> OnPostCreateAsync(
        string? nik, Guid? beneficiaryId, Guid? requestingInstitutionId, string? note, CancellationToken cancellationToken)
    {
        var scope = db.CurrentUser.Scope;
        if (!BeneficiaryEditor.MayWrite(db.CurrentUser.Role))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (scope.InstitutionId is { } own && requestingInstitutionId is { } asked && asked != own)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var requesterId = scope.InstitutionId ?? requestingInstitutionId;
        var requester = requesterId is null ? null
            : await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == requesterId, cancellationToken);
        var cleanNik = BeneficiaryEditor.Clean(nik);
        var cleanNote = BeneficiaryEditor.Clean(note) ?? "";
        // Registry-wide on purpose: the person is in another WKSBM, usually outside the user's scope.
        var registry = db.Beneficiaries.IgnoreQueryFilters([WahanaDbContext.ScopeFilter]).AsNoTracking().Where(b => b.ErasedAt == null);
        var person = cleanNik is not null ? await registry.Where(b => b.Nik == cleanNik).Select(b => new { b.Id, b.InstitutionId, b.RegencyCode }).FirstOrDefaultAsync(cancellationToken)
            : beneficiaryId is { } id ? await registry.Where(b => b.Id == id).Select(b => new { b.Id, b.InstitutionId, b.RegencyCode }).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (requester is null)
        {
            ModelState.AddModelError("", "Pilih WKSBM yang meminta layanan bersama.");
        }
        else if (person is null)
        {
            ModelState.AddModelError("", "Orang yang dimaksud tidak ditemukan di registri.");
        }
        else if (person.InstitutionId == requester.Id)
        {
            ModelState.AddModelError("", "Orang ini sudah didampingi WKSBM Anda sendiri.");
        }
        else if (cleanNote.Length > 500)
        {
            ModelState.AddModelError("", $"Pesan paling banyak 500 karakter; yang diisi {cleanNote.Length} karakter.");
        }
        else if (await db.ServiceShareRequests.AnyAsync(r => r.BeneficiaryId == person.Id && r.RequestingInstitutionId == requester.Id
            && r.Status == ShareRequestStatus.Diajukan, cancellationToken))
        {
            ModelState.AddModelError("", "Permintaan layanan bersama untuk orang ini sudah diajukan dan masih menunggu jawaban.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        var holder = await db.Institutions.IgnoreQueryFilters().AsNoTracking().Where(i => i.Id == person!.InstitutionId)
            .Select(i => i.Name).SingleAsync(cancellationToken);
        db.ServiceShareRequests.Add(new ServiceShareRequest
        {
            BeneficiaryId = person!.Id,
            HolderInstitutionId = person.InstitutionId,
            HolderRegencyCode = person.RegencyCode,
            RequestingInstitutionId = requester!.Id,
            RequesterRegencyCode = requester.RegencyCode,
            Note = cleanNote,
            RequestedBy = db.CurrentUser.Name,
            RequestedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"Permintaan layanan bersama dikirim kepada {holder}.";
        return LocalRedirect("/penerima/permintaan-layanan");
    }

    /// <summary>The holder accepts or declines (a decline needs a reason).</summary>
    public async Task<IActionResult> OnPostDecideAsync(Guid id, bool accept, string? decisionNote, CancellationToken cancellationToken)
    {
        var request = await db.ServiceShareRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }
        if (!MayDecide(request.HolderInstitutionId, request.HolderRegencyCode))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var note = BeneficiaryEditor.Clean(decisionNote);
        if (request.Status != ShareRequestStatus.Diajukan)
        {
            ModelState.AddModelError("", "Permintaan ini sudah dijawab.");
        }
        else if (!accept && note is null)
        {
            ModelState.AddModelError("", "Tuliskan alasan bila permintaan ditolak.");
        }
        else if (note is { Length: > 500 })
        {
            ModelState.AddModelError("", $"Catatan paling banyak 500 karakter; yang diisi {note.Length} karakter.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        request.Status = accept ? ShareRequestStatus.Diterima : ShareRequestStatus.Ditolak;
        request.DecidedBy = db.CurrentUser.Name;
        request.DecidedAt = clock.GetUtcNow();
        request.DecisionNote = note;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = accept ? "Permintaan layanan bersama diterima." : "Permintaan layanan bersama ditolak.";
        return LocalRedirect("/penerima/permintaan-layanan");
    }

    /// <summary>The holder WKSBM's pengurus, its district office, or the province (not volunteers).</summary>
    private bool MayDecide(Guid holderInstitutionId, string holderRegencyCode) => db.CurrentUser.Role switch
    {
        WahanaRole.AdminProvinsi => true,
        WahanaRole.PetugasKabupaten => db.CurrentUser.Scope.RegencyCode == holderRegencyCode,
        WahanaRole.PengurusWksbm => db.CurrentUser.Scope.InstitutionId == holderInstitutionId,
        _ => false,
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var scope = db.CurrentUser.Scope;
        // The query filter already limits the requests to those the user is party to.
        var requests = await db.ServiceShareRequests.AsNoTracking().OrderByDescending(r => r.RequestedAt).Take(500).ToListAsync(cancellationToken);
        bool IsIncoming(ServiceShareRequest r) => scope.AllPeople || r.HolderInstitutionId == scope.InstitutionId
            || (scope.RegencyCode is not null && r.HolderRegencyCode == scope.RegencyCode);
        var institutionIds = requests.SelectMany(r => new[] { r.HolderInstitutionId, r.RequestingInstitutionId }).Distinct().ToList();
        var institutions = await db.Institutions.IgnoreQueryFilters().AsNoTracking().Where(i => institutionIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Name, i.RegencyCode, i.Phone }).ToDictionaryAsync(i => i.Id, cancellationToken);
        var personIds = requests.Where(IsIncoming).Select(r => r.BeneficiaryId).Distinct().ToList();
        // The holder's side sees its own people; the filter keeps everyone else's out.
        var people = await db.Beneficiaries.AsNoTracking().Where(b => personIds.Contains(b.Id))
            .Select(b => new { b.Id, b.Name }).ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
        var regions = RegionCatalog.Instance;
        Incoming = [.. requests.Where(IsIncoming).Select(r =>
        {
            var other = institutions.GetValueOrDefault(r.RequestingInstitutionId);
            return new Row(r.Id, r.Status, other?.Name ?? "", regions.RegencyName(other?.RegencyCode), other?.Phone,
                people.ContainsKey(r.BeneficiaryId) ? r.BeneficiaryId : null, people.GetValueOrDefault(r.BeneficiaryId),
                r.Note, r.RequestedBy, r.RequestedAt, r.DecidedBy, r.DecidedAt, r.DecisionNote,
                r.Status == ShareRequestStatus.Diajukan && MayDecide(r.HolderInstitutionId, r.HolderRegencyCode));
        })];
        Outgoing = [.. requests.Where(r => !IsIncoming(r)).Select(r =>
        {
            var other = institutions.GetValueOrDefault(r.HolderInstitutionId);
            // The asking side learns who holds the person, never the person's data; the holder's phone once accepted.
            return new Row(r.Id, r.Status, other?.Name ?? "", regions.RegencyName(other?.RegencyCode),
                r.Status == ShareRequestStatus.Diterima ? other?.Phone : null, null, null,
                r.Note, r.RequestedBy, r.RequestedAt, r.DecidedBy, r.DecidedAt, r.DecisionNote, false);
        })];
    }
}
