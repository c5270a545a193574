using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Features.Regions;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Beneficiaries;

/// <summary>
/// The entry form of a beneficiary (/penerima/baru) and its edit (/penerima/{id}/ubah): for a WKSBM's pengurus and
/// relawan in their own WKSBM, and for the district and province officers in any WKSBM of their scope.
/// </summary>
[Authorize(Policy = WahanaPolicies.PersonalData)]
public sealed class EditModel(WahanaDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public BeneficiaryInput Input { get; set; } = new();

    /// <summary>The ids of the likely duplicates shown, sent by the "Orang yang berbeda, simpan" button.</summary>
    [BindProperty]
    public string? ConfirmCandidates { get; set; }

    public bool IsNew => Id is null;

    public IReadOnlyList<PpksCategory> Categories { get; private set; } = [];

    /// <summary>The WKSBM of a pengurus or relawan (they register in it only).</summary>
    public Institution? OwnInstitution { get; private set; }

    /// <summary>The WKSBM an officer may choose from (their scope).</summary>
    public IReadOnlyList<(Guid Id, string Name, string RegencyName)> InstitutionChoices { get; private set; } = [];

    /// <summary>The province chooses the kabupaten/kota too; a district officer's is fixed.</summary>
    public bool ChoosesRegency => db.CurrentUser.Scope.AllPeople;

    public string? RegencyCode { get; private set; }

    public string? DistrictCode { get; private set; }

    public IReadOnlyList<Region> Districts { get; private set; } = [];

    public IReadOnlyList<Region> Villages { get; private set; } = [];

    /// <summary>The stored name, for the heading of an edit.</summary>
    public string? StoredName { get; private set; }

    public BeneficiaryEditor.NikHolder? Holder { get; private set; }

    public IReadOnlyList<BeneficiaryEditor.Candidate> Candidates { get; private set; } = [];

    /// <summary>Set when another user saved this person while this user was editing: the values stored now.</summary>
    public BeneficiaryInput? StoredNow { get; private set; }

    /// <summary>The WKSBM that would ask for shared service: the user's own, or the one chosen in the form.</summary>
    public Guid? RequestingInstitutionId => db.CurrentUser.Scope.InstitutionId ?? Input.InstitutionId;

    public string Self => IsNew ? "/penerima/baru" : $"/penerima/{Id}/ubah";

    public async Task<IActionResult> OnGetAsync([FromQuery] Guid? wksbm, CancellationToken cancellationToken)
    {
        if (!BeneficiaryEditor.MayWrite(db.CurrentUser.Role))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (IsNew)
        {
            var today = Wib.Today(clock);
            Input.RegisteredOn = today;
            Input.ConsentGivenOn = today;
            Input.InstitutionId = db.CurrentUser.Scope.InstitutionId ?? wksbm;
            if (db.CurrentUser.Scope.InstitutionId is { } own
                && await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == own, cancellationToken) is { } institution)
            {
                Input.VillageCode = institution.VillageCode;
                Input.Hamlet = institution.Hamlet;
            }
        }
        else
        {
            var person = await LoadAsync(cancellationToken);
            if (person is null)
            {
                return NotFound();
            }
            Input = BeneficiaryInput.From(person, await CategorySlugsAsync(cancellationToken));
            StoredName = person.Name;
        }
        await PrepareAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Beneficiary? person = null;
        if (!IsNew)
        {
            person = await LoadAsync(cancellationToken);
            if (person is null)
            {
                return NotFound();
            }
            StoredName = person.Name;
        }
        Input.ConfirmDifferentFrom = ParseIds(ConfirmCandidates);
        var result = await BeneficiaryEditor.SaveAsync(db, person, Input, clock.GetUtcNow(), Wib.Today(clock), dryRun: false, cancellationToken);
        switch (result.Outcome)
        {
            case BeneficiaryEditor.Outcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case BeneficiaryEditor.Outcome.Saved:
                TempData["Message"] = IsNew
                    ? $"{result.Beneficiary!.Name} terdaftar sebagai penerima manfaat."
                    : $"Perubahan data {result.Beneficiary!.Name} tersimpan.";
                return LocalRedirect($"/penerima/{result.Beneficiary.Id}");
            case BeneficiaryEditor.Outcome.Stale:
                // Nothing is lost: the user's entries stay in the form, the stored values are shown beside them, and
                // the form now carries the current version, so saving again is a deliberate choice.
                db.ChangeTracker.Clear();
                var current = await LoadAsync(cancellationToken);
                if (current is null)
                {
                    return NotFound();
                }
                StoredNow = BeneficiaryInput.From(current, await CategorySlugsAsync(cancellationToken));
                Input.Version = current.Version;
                ModelState.Remove("Input.Version");
                ModelState.AddModelError("", BeneficiaryEditor.StaleMessage + " Isian Anda masih ada di formulir; bandingkan dengan data tersimpan di atas, lalu simpan lagi bila isian Anda yang benar.");
                break;
            case BeneficiaryEditor.Outcome.DuplicateNik:
                Holder = result.Holder;
                ModelState.AddModelError("Input.Nik", $"NIK ini sudah terdaftar di {result.Holder!.InstitutionName}, {result.Holder.RegencyName}.");
                break;
            case BeneficiaryEditor.Outcome.LikelyDuplicates:
                Candidates = result.Candidates;
                break;
            default:
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError(error.Field.Length == 0 ? "" : $"Input.{error.Field}", error.Message);
                }
                break;
        }
        await PrepareAsync(cancellationToken);
        return Page();
    }

    /// <summary>htmx: the options of the next select (kapanewon of a kabupaten/kota, kalurahan of a kapanewon).</summary>
    public PartialViewResult OnGetChildren(string? regency, string? district) =>
        Partial("_RegionOptions", RegionOptions.ChildrenOf(district ?? regency));

    private async Task<Beneficiary?> LoadAsync(CancellationToken cancellationToken) =>
        await db.Beneficiaries.Include(b => b.Categories)
            .SingleOrDefaultAsync(b => b.Id == Id && b.ErasedAt == null, cancellationToken);

    private async Task<IReadOnlyDictionary<int, string>> CategorySlugsAsync(CancellationToken cancellationToken) =>
        await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Slug, cancellationToken);

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var catalog = RegionCatalog.Instance;
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var scope = db.CurrentUser.Scope;
        var village = catalog.Find(Input.VillageCode);
        if (scope.InstitutionId is { } own)
        {
            OwnInstitution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == own, cancellationToken);
            DistrictCode = catalog.Find(OwnInstitution?.VillageCode)?.ParentCode;
            Villages = DistrictCode is null ? [] : catalog.ChildrenOf(DistrictCode);
            return;
        }
        var institutions = await db.Institutions.AsNoTracking()
            .OrderBy(i => i.RegencyCode).ThenBy(i => i.Name)
            .Select(i => new { i.Id, i.Name, i.RegencyCode })
            .ToListAsync(cancellationToken);
        InstitutionChoices = [.. institutions.Select(i => (i.Id, i.Name, catalog.RegencyName(i.RegencyCode)))];
        RegencyCode = scope.RegencyCode ?? village?.RegencyCode;
        DistrictCode = village?.ParentCode;
        Districts = RegencyCode is null ? [] : catalog.ChildrenOf(RegencyCode);
        Villages = DistrictCode is null ? [] : catalog.ChildrenOf(DistrictCode);
    }

    private static List<Guid> ParseIds(string? ids) =>
        [.. (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Guid.TryParse(s, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty)];
}
