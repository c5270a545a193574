using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Duplicates;

/// <summary>
/// The review queue of likely duplicates (/penerima/duplikat) for the province and district offices: pairs whose
/// both people are in the user's scope, best scores first; the province starts a scan of the whole registry here.
/// </summary>
[Authorize(Policy = WahanaPolicies.RegistryReview)]
public sealed class IndexModel(WahanaDbContext db, DuplicateScanRunner scans) : PageModel
{
    public ReviewQuery Query { get; private set; } = null!;

    public ReviewQuery.Result Result { get; private set; } = null!;

    /// <summary>Only the province scans the whole registry (it reads people of every kabupaten/kota).</summary>
    public bool CanScan => WahanaClaims.RoleOf(User) == WahanaRole.AdminProvinsi;

    public ScanStatus Scan => scans.Status;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = ReviewQuery.Parse(Request.Query);
        Result = await Query.LoadAsync(db, cancellationToken);
    }

    /// <summary>The scan's progress, polled by htmx while it runs.</summary>
    public IActionResult OnGetScanStatus() => CanScan ? Partial("_ScanStatus", scans.Status) : StatusCode(StatusCodes.Status403Forbidden);

    public async Task<IActionResult> OnPostScanAsync(CancellationToken cancellationToken)
    {
        if (!CanScan)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (scans.TryStart(db.CurrentUser.Name))
        {
            db.AuditEntries.Add(AuditTrail.Action(db.CurrentUser, "ScanDuplicates", nameof(DuplicatePair), Guid.Empty));
            await db.SaveChangesAsync(cancellationToken);
            TempData["Message"] = "Pemindaian seluruh registri dimulai; kemajuannya tampil di bawah.";
        }
        else
        {
            TempData["Message"] = "Pemindaian sedang berjalan; tunggu sampai selesai.";
        }
        return LocalRedirect("/penerima/duplikat");
    }
}
