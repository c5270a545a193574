using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Assessments;

/// <summary>
/// Add an indicator, change its name, weight and guidance, or deactivate it. Indicators are never deleted:
/// stored assessments keep their points and scores.
/// </summary>
[Authorize(Policy = WahanaPolicies.Admin)]
public sealed class IndicatorModel(WahanaDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public IndicatorInput Input { get; set; } = new();

    public AssessmentIndicator? Existing { get; private set; }

    public bool IsNew => Id is null;

    public string Self => IsNew ? "/penilaian/indikator/baru" : $"/penilaian/indikator/{Id}";

    public sealed class IndicatorInput
    {
        [Required(ErrorMessage = "Nama indikator wajib diisi.")]
        [StringLength(200, ErrorMessage = "Nama indikator paling panjang 200 karakter.")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Bobot wajib diisi.")]
        [Range(1, 100, ErrorMessage = "Bobot harus 1 sampai 100.")]
        public int? Weight { get; set; }

        [Required(ErrorMessage = "Petunjuk nilai 1 wajib diisi.")]
        [StringLength(500, ErrorMessage = "Petunjuk paling panjang 500 karakter.")]
        public string? Guidance1 { get; set; }

        [Required(ErrorMessage = "Petunjuk nilai 2 wajib diisi.")]
        [StringLength(500, ErrorMessage = "Petunjuk paling panjang 500 karakter.")]
        public string? Guidance2 { get; set; }

        [Required(ErrorMessage = "Petunjuk nilai 3 wajib diisi.")]
        [StringLength(500, ErrorMessage = "Petunjuk paling panjang 500 karakter.")]
        public string? Guidance3 { get; set; }

        [Required(ErrorMessage = "Petunjuk nilai 4 wajib diisi.")]
        [StringLength(500, ErrorMessage = "Petunjuk paling panjang 500 karakter.")]
        public string? Guidance4 { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!IsNew)
        {
            Existing = await db.AssessmentIndicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == Id, cancellationToken);
            if (Existing is null)
            {
                return NotFound();
            }
            Input = new IndicatorInput
            {
                Name = Existing.Name,
                Weight = Existing.Weight,
                Guidance1 = Existing.Guidance1,
                Guidance2 = Existing.Guidance2,
                Guidance3 = Existing.Guidance3,
                Guidance4 = Existing.Guidance4,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var indicators = await db.AssessmentIndicators.ToListAsync(cancellationToken);
        Existing = IsNew ? null : indicators.Find(i => i.Id == Id);
        if (!IsNew && Existing is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var indicator = Existing ?? NewIndicator(indicators, Input.Name!.Trim());
        indicator.Name = Input.Name!.Trim();
        indicator.Weight = Input.Weight!.Value;
        indicator.Guidance1 = Input.Guidance1!.Trim();
        indicator.Guidance2 = Input.Guidance2!.Trim();
        indicator.Guidance3 = Input.Guidance3!.Trim();
        indicator.Guidance4 = Input.Guidance4!.Trim();
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = IsNew ? $"Indikator \"{indicator.Name}\" ditambahkan." : $"Perubahan pada indikator \"{indicator.Name}\" disimpan.";
        return LocalRedirect("/penilaian/indikator");
    }

    public Task<IActionResult> OnPostDeactivateAsync(CancellationToken cancellationToken) => SetActiveAsync(false, cancellationToken);

    public Task<IActionResult> OnPostActivateAsync(CancellationToken cancellationToken) => SetActiveAsync(true, cancellationToken);

    private async Task<IActionResult> SetActiveAsync(bool active, CancellationToken cancellationToken)
    {
        var indicator = Id is null ? null : await db.AssessmentIndicators.SingleOrDefaultAsync(i => i.Id == Id, cancellationToken);
        if (indicator is null)
        {
            return NotFound();
        }
        if (!active && !await db.AssessmentIndicators.AnyAsync(i => i.IsActive && i.Id != indicator.Id, cancellationToken))
        {
            TempData["Message"] = "Indikator terakhir yang aktif tidak dapat dinonaktifkan.";
            return LocalRedirect(Self);
        }
        indicator.IsActive = active;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = active
            ? $"Indikator \"{indicator.Name}\" diaktifkan kembali."
            : $"Indikator \"{indicator.Name}\" dinonaktifkan; penilaian yang sudah tersimpan tetap memuat nilainya.";
        return LocalRedirect("/penilaian/indikator");
    }

    /// <summary>A new indicator at the end of the list, with a stable code made from its name (the API's key).</summary>
    private AssessmentIndicator NewIndicator(List<AssessmentIndicator> indicators, string name)
    {
        var stem = CodeOf(name);
        var code = stem;
        for (var n = 2; indicators.Exists(i => i.Code == code); n++)
        {
            code = $"{stem}-{n}";
        }
        var indicator = new AssessmentIndicator
        {
            Id = indicators.Count == 0 ? 1 : indicators.Max(i => i.Id) + 1,
            Code = code,
            Name = name,
            SortOrder = indicators.Count == 0 ? 1 : indicators.Max(i => i.SortOrder) + 1,
        };
        db.AssessmentIndicators.Add(indicator);
        return indicator;
    }

    private static string CodeOf(string name)
    {
        var code = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                code.Append(c);
            }
            else if (code.Length > 0 && code[^1] != '-')
            {
                code.Append('-');
            }
        }
        var result = code.ToString().Trim('-');
        return result.Length == 0 ? "indikator" : result[..Math.Min(result.Length, 32)].TrimEnd('-');
    }
}
