using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;
using Wahana.Web.Infrastructure.Pdf;

namespace Wahana.Web.Features.Reports;

/// <summary>The recap of a kabupaten/kota or of the province as PDF (/laporan/rekap/pdf?period=2026-1&amp;regency=34.02).</summary>
[Authorize(Policy = WahanaPolicies.RegionWide)]
public sealed class RecapPdfModel(WahanaDbContext db, PdfRenderer renderer, TimeProvider clock) : PdfDownloadModel(db, renderer)
{
    public Task<IActionResult> OnGetAsync(string? period, string? regency, CancellationToken cancellationToken)
    {
        var today = Wib.Today(clock);
        var semester = Semester.Parse(period) is { } asked && asked.Start <= today ? asked : CompletenessQuery.DefaultSemester(today);
        // As the recap page: a district office's recap is of its own kabupaten/kota.
        regency = string.IsNullOrWhiteSpace(regency) ? Db.CurrentUser.Scope.RegencyCode : regency.Trim();
        if (regency is not null && !RegionCatalog.Instance.IsDiyRegency(regency))
        {
            return Task.FromResult<IActionResult>(NotFound());
        }
        // Only values checked above go into the path printed: never a URL of the user's making.
        var path = $"/laporan/rekap?period={semester}" + (regency is null ? "" : $"&regency={regency}");
        var name = $"rekap-{regency ?? "diy"}-{semester}.pdf";
        return PdfAsync(path, name, "Recap", $"{regency ?? RegionCatalog.ProvinceCode}/{semester}", cancellationToken);
    }
}
