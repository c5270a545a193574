using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wahana.Web.Data;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Distributions;

/// <summary>The signed receipt list of an activity (daftar tanda terima), printable on A4.</summary>
[Authorize(Policy = WahanaPolicies.PersonalData)]
public sealed class ReceiptModel(WahanaDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public DistributionDetails Details { get; private set; } = null!;

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
}
