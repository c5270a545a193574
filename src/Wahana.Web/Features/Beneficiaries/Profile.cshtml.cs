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
/// The profile of one beneficiary (/penerima/{id}): identity (NIK/KK masked unless revealed on purpose),
/// categories, family on the same KK, home WKSBM, consent, services and status history, and the status form.
/// </summary>
[Authorize(Policy = WahanaPolicies.PersonalData)]
public sealed class ProfileModel(WahanaDbContext db, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    public sealed record FamilyMember(Guid Id, string Name, string? NikMasked, Sex Sex, DateOnly BirthDate, BeneficiaryStatus Status);

    public sealed record ServiceRow(
        Guid Id, DateOnly Date, ServiceKind Kind, ServiceForm Form, long ValueRupiah, FundingSource FundingSource, string? Partner,
        string Institution, string? Notes);

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Beneficiary Person { get; private set; } = null!;

    public string InstitutionName { get; private set; } = "";

    public IReadOnlyList<FamilyMember> Family { get; private set; } = [];

    public IReadOnlyList<ServiceRow> Services { get; private set; } = [];

    public IReadOnlyList<BeneficiaryStatusChange> History { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>The full numbers, on the response to a reveal only.</summary>
    public (string? Nik, string? Kk)? Revealed { get; private set; }

    [BindProperty]
    public StatusChangeInput StatusInput { get; set; } = new();

    [BindProperty]
    public string? RevealReason { get; set; }

    public WahanaRole? Role => db.CurrentUser.Role;

    public bool MayChangeStatus => StatusChange.MayChange(Role);

    public bool MayReveal { get; private set; }

    public bool MayErase { get; private set; }

    public bool MayEdit => Role is WahanaRole.PengurusWksbm or WahanaRole.PetugasKabupaten or WahanaRole.AdminProvinsi or WahanaRole.Relawan;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) is { } notFound ? notFound : Page();

    public async Task<IActionResult> OnPostRevealAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } notFound)
        {
            return notFound;
        }
        if (!MayReveal)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var (reason, error) = RevealIdentity.CheckReason(RevealReason);
        if (reason is null)
        {
            ModelState.AddModelError(nameof(RevealReason), error!);
            return Page();
        }
        db.AuditEntries.Add(RevealIdentity.Audit(db.CurrentUser, Person.Id, reason));
        await db.SaveChangesAsync(cancellationToken);
        Revealed = (Person.Nik, Person.Kk);
        RevealReason = null;
        ModelState.Clear();
        // The full numbers are on this response only: not kept by the browser or a proxy.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } notFound)
        {
            return notFound;
        }
        if (!MayChangeStatus)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (StatusInput.Version is { } version && version != Person.Version)
        {
            ModelState.AddModelError("StatusInput", "Data orang ini baru saja diubah pengguna lain. Periksa status terbaru di bawah, lalu ulangi bila masih perlu.");
            return Page();
        }
        var errors = StatusChange.Apply(Person, StatusInput, db.CurrentUser.Name, Today);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError("StatusInput." + error.Field, error.Message);
            }
            return Page();
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("StatusInput", "Data orang ini baru saja diubah pengguna lain. Muat ulang halaman, lalu ulangi bila masih perlu.");
            return Page();
        }
        TempData["Message"] = $"Status diubah menjadi {BeneficiaryQuery.StatusName(Person.Status).ToLowerInvariant()}.";
        return LocalRedirect($"/penerima/{Id}#status");
    }

    /// <summary>Loads the person and all that the page shows; a result (404, or a redirect for a merged record) when it cannot.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        Today = Wib.Today(clock);
        var person = await db.Beneficiaries.Include(b => b.Categories).Include(b => b.StatusChanges)
            .SingleOrDefaultAsync(b => b.Id == Id, cancellationToken);
        if (person is null)
        {
            // A record merged into another (in scope) leads to the record it became.
            var mergedInto = await db.Beneficiaries.IgnoreQueryFilters([WahanaDbContext.MergedFilter]).AsNoTracking()
                .Where(b => b.Id == Id && b.MergedIntoId != null).Select(b => b.MergedIntoId).SingleOrDefaultAsync(cancellationToken);
            return mergedInto is { } target && HttpMethods.IsGet(Request.Method) ? LocalRedirect($"/penerima/{target}") : NotFound();
        }
        Person = person;
        MayReveal = (await authorization.AuthorizeAsync(User, WahanaPolicies.IdentityReveal)).Succeeded;
        MayErase = (await authorization.AuthorizeAsync(User, WahanaPolicies.RegistryReview)).Succeeded;
        InstitutionName = await db.Institutions.AsNoTracking().Where(i => i.Id == person.InstitutionId)
            .Select(i => i.Name).SingleOrDefaultAsync(cancellationToken) ?? "";
        if (person.Kk is { } kk)
        {
            var family = await db.Beneficiaries.AsNoTracking().Where(b => b.Kk == kk && b.Id != person.Id)
                .OrderBy(b => b.BirthDate)
                .Select(b => new { b.Id, b.Name, b.Nik, b.Sex, b.BirthDate, b.Status })
                .ToListAsync(cancellationToken);
            Family = [.. family.Select(f => new FamilyMember(f.Id, f.Name, BeneficiaryQuery.MaskOrNull(f.Nik), f.Sex, f.BirthDate, f.Status))];
        }
        var services = await db.Services.AsNoTracking().Where(s => s.BeneficiaryId == person.Id)
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.CreatedAt)
            .Select(s => new
            {
                s.Id, s.Date, s.Kind, s.Form, s.ValueRupiah, s.FundingSource, s.Notes,
                Partner = db.Partners.Where(p => p.Id == s.PartnerId).Select(p => p.Name).FirstOrDefault(),
                Institution = db.Institutions.Where(i => i.Id == s.InstitutionId).Select(i => i.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        Services = [.. services.Select(s => new ServiceRow(s.Id, s.Date, s.Kind, s.Form, s.ValueRupiah, s.FundingSource, s.Partner, s.Institution ?? "", s.Notes))];
        History = [.. person.StatusChanges.OrderByDescending(c => c.EffectiveOn).ThenByDescending(c => c.ChangedAt)];
        return null;
    }

    public static string KindName(ServiceKind kind) => ServiceNames.Kind(kind);

    public static string FormName(ServiceForm form) => ServiceNames.Form(form);

    public static string FundingName(FundingSource source) => ServiceNames.Funding(source);
}
