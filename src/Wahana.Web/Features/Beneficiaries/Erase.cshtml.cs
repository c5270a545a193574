using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Beneficiaries;

/// <summary>/penerima/{id}/hapus-data: erasing a person's data on their request, by the offices, within scope.</summary>
[Authorize(Policy = WahanaPolicies.RegistryReview)]
public sealed class EraseModel(WahanaDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Beneficiary Person { get; private set; } = null!;

    public int ServiceCount { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public bool Confirmed { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (Person.ErasedAt is not null)
        {
            ModelState.AddModelError(nameof(Reason), "Data orang ini sudah dihapus sebelumnya.");
            return Page();
        }
        var reason = Reason?.Trim() ?? "";
        if (reason.Length == 0)
        {
            ModelState.AddModelError(nameof(Reason), "Tuliskan dasar penghapusan (misalnya: permohonan tertulis subjek data tanggal ...).");
        }
        else if (reason.Length > ErasePersonalData.MaxReasonLength)
        {
            ModelState.AddModelError(nameof(Reason), $"Alasan paling banyak {ErasePersonalData.MaxReasonLength} karakter; yang diisi {reason.Length} karakter.");
        }
        if (!Confirmed)
        {
            ModelState.AddModelError(nameof(Confirmed), "Centang pernyataan bahwa Anda memahami penghapusan ini tidak dapat dibatalkan.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await ErasePersonalData.EraseAsync(db, Person.Id, reason, clock.GetUtcNow(), cancellationToken);
        TempData["Message"] = "Data pribadi telah dihapus. Catatan layanan tetap tersimpan tanpa identitas.";
        return LocalRedirect($"/penerima/{Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var person = await db.Beneficiaries.AsNoTracking().SingleOrDefaultAsync(b => b.Id == Id, cancellationToken);
        if (person is null)
        {
            return false;
        }
        Person = person;
        ServiceCount = await db.Services.CountAsync(s => s.BeneficiaryId == Id, cancellationToken);
        return true;
    }
}
