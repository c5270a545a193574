using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;

namespace Wahana.Web.Features.Volunteers;

/// <summary>The volunteers of one WKSBM: add one, mark one active or not.</summary>
public sealed class ManageModel(WahanaDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public VolunteerInput Input { get; set; } = new();

    public Institution Institution { get; private set; } = null!;

    public IReadOnlyList<Volunteer> Volunteers { get; private set; } = [];

    /// <summary>The Relawan accounts of this WKSBM that a volunteer may be linked to.</summary>
    public IReadOnlyList<(Guid Id, string UserName)> RelawanAccounts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (!VolunteerInput.MayManage(db.CurrentUser.Role))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var (volunteer, errors) = Input.ToVolunteer(Institution, Wib.Today(clock), [.. RelawanAccounts.Select(a => a.Id)]);
        foreach (var error in errors)
        {
            ModelState.AddModelError($"Input.{error.Field}", error.Message);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.Volunteers.Add(volunteer);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"Relawan {volunteer.Name} ditambahkan.";
        return LocalRedirect($"/wksbm/{Id}/relawan");
    }

    public async Task<IActionResult> OnPostToggleAsync(Guid volunteerId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (!VolunteerInput.MayManage(db.CurrentUser.Role))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var volunteer = await db.Volunteers.SingleOrDefaultAsync(v => v.Id == volunteerId && v.InstitutionId == Id, cancellationToken);
        if (volunteer is null)
        {
            return NotFound();
        }
        volunteer.IsActive = !volunteer.IsActive;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = volunteer.IsActive ? $"{volunteer.Name} aktif kembali." : $"{volunteer.Name} ditandai tidak aktif.";
        return LocalRedirect($"/wksbm/{Id}/relawan");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        // Volunteers are personal data: the forum and partners, who see no people, get 404 here.
        var institution = db.CurrentUser.Scope.SeesPeople
            ? await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == Id, cancellationToken)
            : null;
        if (institution is null)
        {
            return false;
        }
        Institution = institution;
        Volunteers = await db.Volunteers.AsNoTracking().Where(v => v.InstitutionId == Id)
            .OrderByDescending(v => v.IsActive).ThenBy(v => v.Name).ToListAsync(cancellationToken);
        RelawanAccounts = await VolunteerAccounts.OfAsync(db, Id, cancellationToken);
        return true;
    }
}
