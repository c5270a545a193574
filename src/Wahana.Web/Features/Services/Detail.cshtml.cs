using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Services;

/// <summary>One service (/layanan/{id}): what, when, how much, who took part, its photo (served within scope), delete with a reason.</summary>
[Authorize(Policy = WahanaPolicies.PersonalData)]
public sealed class DetailModel(WahanaDbContext db, TimeProvider clock, ServicePhotos photos) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public Service Service { get; private set; } = null!;

    public string? PersonName { get; private set; }

    public string? InstitutionName { get; private set; }

    public string? PartnerName { get; private set; }

    public string? DistributionName { get; private set; }

    public IReadOnlyList<string> VolunteerNames { get; private set; } = [];

    public bool MayEdit => ServiceEditor.MayWrite(db.CurrentUser.Role);

    public bool MayDelete => ServiceEditor.MayDelete(db.CurrentUser.Role);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(tracked: false, cancellationToken) ? Page() : NotFound();

    /// <summary>The proof photo, to whoever may see the service; never cached by the browser or a proxy.</summary>
    public async Task<IActionResult> OnGetFotoAsync(CancellationToken cancellationToken)
    {
        var file = await db.Services.AsNoTracking().Where(s => s.Id == Id).Select(s => s.PhotoFile).SingleOrDefaultAsync(cancellationToken);
        if (photos.Open(file) is not { } stream)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        return File(stream, "image/jpeg");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(tracked: true, cancellationToken))
        {
            return NotFound();
        }
        var result = await ServiceEditor.DeleteAsync(db, Service, Reason, clock.GetUtcNow(), cancellationToken);
        switch (result.Outcome)
        {
            case ServiceEditor.Outcome.Saved:
                TempData["Message"] = "Layanan dihapus. Catatannya tetap disimpan bersama alasan penghapusan.";
                return LocalRedirect($"/penerima/{Service.BeneficiaryId}#layanan");
            case ServiceEditor.Outcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            default:
                db.ChangeTracker.Clear();
                ModelState.AddModelError(result.Errors[0].Field == "Reason" ? nameof(Reason) : "", result.Message!);
                return Page();
        }
    }

    private async Task<bool> LoadAsync(bool tracked, CancellationToken cancellationToken)
    {
        var services = tracked ? db.Services : db.Services.AsNoTracking();
        var service = await services.Include(s => s.Volunteers).SingleOrDefaultAsync(s => s.Id == Id, cancellationToken);
        if (service is null)
        {
            return false;
        }
        Service = service;
        PersonName = await db.Beneficiaries.AsNoTracking().IgnoreQueryFilters([WahanaDbContext.MergedFilter])
            .Where(b => b.Id == service.BeneficiaryId).Select(b => b.Name).SingleOrDefaultAsync(cancellationToken);
        InstitutionName = await db.Institutions.AsNoTracking().Where(i => i.Id == service.InstitutionId).Select(i => i.Name).SingleOrDefaultAsync(cancellationToken);
        PartnerName = service.PartnerId is { } partner
            ? await db.Partners.AsNoTracking().Where(p => p.Id == partner).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        DistributionName = service.DistributionId is { } distribution
            ? await db.Distributions.AsNoTracking().Where(d => d.Id == distribution).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var volunteerIds = service.Volunteers.Select(v => v.VolunteerId).ToList();
        VolunteerNames = await db.Volunteers.AsNoTracking().Where(v => volunteerIds.Contains(v.Id)).OrderBy(v => v.Name)
            .Select(v => v.Name).ToListAsync(cancellationToken);
        return true;
    }
}
