using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Assessments;

/// <summary>The indicator set and the level thresholds of the institutional-strength assessment, kept by the province admin.</summary>
[Authorize(Policy = WahanaPolicies.Admin)]
public sealed class IndicatorsModel(WahanaDbContext db) : PageModel
{
    public IReadOnlyList<AssessmentIndicator> Indicators { get; private set; } = [];

    [BindProperty]
    public ThresholdsInput Thresholds { get; set; } = new();

    public sealed class ThresholdsInput
    {
        [Required(ErrorMessage = "Batas Berkembang wajib diisi.")]
        public int? BerkembangFrom { get; set; }

        [Required(ErrorMessage = "Batas Mandiri wajib diisi.")]
        public int? MandiriFrom { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var thresholds = await db.StrengthThresholds.AsNoTracking().OrderBy(t => t.Id).FirstOrDefaultAsync(cancellationToken) ?? new StrengthThresholds();
        Thresholds = new ThresholdsInput { BerkembangFrom = thresholds.BerkembangFrom, MandiriFrom = thresholds.MandiriFrom };
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostThresholdsAsync(CancellationToken cancellationToken)
    {
        var thresholds = await db.StrengthThresholds.OrderBy(t => t.Id).FirstOrDefaultAsync(cancellationToken);
        if (thresholds is null)
        {
            thresholds = new StrengthThresholds();
            db.StrengthThresholds.Add(thresholds);
        }
        if (ModelState.IsValid)
        {
            thresholds.BerkembangFrom = Thresholds.BerkembangFrom!.Value;
            thresholds.MandiriFrom = Thresholds.MandiriFrom!.Value;
            foreach (var violation in thresholds.Validate())
            {
                ModelState.AddModelError($"{nameof(Thresholds)}.{violation.Field}", violation.Message);
            }
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"Batas tingkat disimpan: Berkembang mulai {thresholds.BerkembangFrom}, Mandiri mulai {thresholds.MandiriFrom}.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Indicators = await db.AssessmentIndicators.AsNoTracking()
            .OrderByDescending(i => i.IsActive).ThenBy(i => i.SortOrder).ThenBy(i => i.Id).ToListAsync(cancellationToken);
}
