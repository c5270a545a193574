using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Distributions;

/// <summary>One activity (/kegiatan/{id}): details, recipients with masked NIK, totals; deleting it (not for volunteers).</summary>
[Authorize(Policy = WahanaPolicies.PersonalData)]
public sealed class DetailsModel(WahanaDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? DeletionReason { get; set; }

    public DistributionDetails Details { get; private set; } = null!;

    public bool MayDelete => DistributionRecorder.MayDelete(db.CurrentUser.Role);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var details = await DistributionDetails.LoadAsync(db, Id, cancellationToken);
        if (details is null)
        {
            return NotFound();
        }
        Details = details;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        var distribution = await db.Distributions.SingleOrDefaultAsync(d => d.Id == Id, cancellationToken);
        if (distribution is null)
        {
            return NotFound();
        }
        if (!MayDelete)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var error = await DistributionRecorder.DeleteAsync(db, distribution, DeletionReason, clock.GetUtcNow(), cancellationToken);
        if (error is not null)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(nameof(DeletionReason), error);
            Details = (await DistributionDetails.LoadAsync(db, Id, cancellationToken))!;
            return Page();
        }
        TempData["Message"] = $"Kegiatan \"{distribution.Name}\" dihapus beserta layanannya. Datanya tetap tersimpan di jejak audit.";
        return LocalRedirect("/kegiatan");
    }
}
