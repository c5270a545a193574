using Wahana.Web.Features.Regions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;

namespace Wahana.Web.Features.Institutions;

/// <summary>Create a WKSBM (province and district offices) or edit one (they, or its own pengurus for contact and board).</summary>
public sealed class EditModel(WahanaDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>Empty board rows offered under the existing ones.</summary>
    public const int SpareBoardRows = 3;

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public InstitutionInput Input { get; set; } = new();

    public bool IsNew => Id is null;

    public bool MayEditLegality => InstitutionEditor.MayEditLegality(db.CurrentUser.Role);

    public string? RegencyCode { get; private set; }

    public string? DistrictCode { get; private set; }

    public IReadOnlyList<string> HamletSuggestions { get; private set; } = [];

    public string? ScopeRegency => db.CurrentUser.Scope.RegencyCode;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (IsNew)
        {
            if (!InstitutionEditor.MayCreate(db.CurrentUser.Role))
            {
                return StatusCode(StatusCodes.Status403Forbidden);
            }
            Input.VillageCode = null;
            Input.BoardMembers = [new() { Position = BoardPosition.Ketua }, new() { Position = BoardPosition.Sekretaris }, new() { Position = BoardPosition.Bendahara }];
        }
        else
        {
            var institution = await LoadAsync(cancellationToken);
            if (institution is null)
            {
                return NotFound();
            }
            if (!InstitutionEditor.MayEdit(db.CurrentUser.Role))
            {
                return StatusCode(StatusCodes.Status403Forbidden);
            }
            Input = InstitutionInput.From(institution);
        }
        await PrepareAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var institution = IsNew ? new Institution { Name = "", VillageCode = "", Hamlet = "" } : await LoadAsync(cancellationToken);
        if (institution is null)
        {
            return NotFound();
        }
        if (!IsNew && Input.Version != institution.Version)
        {
            ModelState.AddModelError("", "WKSBM ini baru saja diubah orang lain. Muat ulang halaman, lalu ulangi perubahan Anda.");
            await PrepareAsync(cancellationToken);
            return Page();
        }
        var (outcome, errors) = InstitutionEditor.Apply(institution, Input, db.CurrentUser.Scope, db.CurrentUser.Role, Wib.Today(clock), IsNew);
        if (outcome == InstitutionEditor.Outcome.Forbidden)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        foreach (var error in errors)
        {
            ModelState.AddModelError($"Input.{error.Field}", error.Message);
        }
        if (!ModelState.IsValid)
        {
            await PrepareAsync(cancellationToken);
            return Page();
        }
        if (IsNew)
        {
            db.Institutions.Add(institution);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "WKSBM ini baru saja diubah orang lain. Muat ulang halaman, lalu ulangi perubahan Anda.");
            await PrepareAsync(cancellationToken);
            return Page();
        }
        TempData["Message"] = IsNew ? "WKSBM baru tersimpan." : "Perubahan tersimpan.";
        return LocalRedirect($"/wksbm/{institution.Id}");
    }

    /// <summary>htmx: the options of the next select (kapanewon of a kabupaten, kalurahan of a kapanewon).</summary>
    public PartialViewResult OnGetChildren(string? regency, string? district) =>
        Partial("_RegionOptions", RegionOptions.ChildrenOf(district ?? regency));

    /// <summary>htmx: padukuhan/RW names already used in a kalurahan, for the datalist.</summary>
    public async Task<PartialViewResult> OnGetHamletsAsync([FromQuery(Name = "Input.VillageCode")] string? village, CancellationToken cancellationToken) =>
        Partial("_HamletOptions", await HamletsOfAsync(village, cancellationToken));

    private async Task<Institution?> LoadAsync(CancellationToken cancellationToken) =>
        await db.Institutions.Include(i => i.BoardMembers).SingleOrDefaultAsync(i => i.Id == Id, cancellationToken);

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var village = RegionCatalog.Instance.Find(Input.VillageCode);
        DistrictCode = village?.ParentCode;
        RegencyCode = village?.RegencyCode ?? ScopeRegency;
        HamletSuggestions = await HamletsOfAsync(Input.VillageCode, cancellationToken);
        var spare = Math.Max(0, SpareBoardRows - Input.BoardMembers.Count(m => m.IsEmpty));
        Input.BoardMembers.AddRange(Enumerable.Range(0, spare).Select(_ => new BoardMemberInput()));
    }

    private async Task<IReadOnlyList<string>> HamletsOfAsync(string? village, CancellationToken cancellationToken)
    {
        if (!RegionCatalog.Instance.IsDiyVillage(village))
        {
            return [];
        }
        var fromInstitutions = await db.Institutions.Where(i => i.VillageCode == village).Select(i => i.Hamlet).Distinct().ToListAsync(cancellationToken);
        var fromPeople = await db.Beneficiaries.Where(b => b.VillageCode == village).Select(b => b.Hamlet).Distinct().ToListAsync(cancellationToken);
        return [.. fromInstitutions.Concat(fromPeople).Where(h => h.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];
    }
}
