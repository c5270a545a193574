using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure.Auth;
using Wahana.Web.Infrastructure.Pdf;

namespace Wahana.Web.Features.Reports;

/// <summary>
/// A WKSBM's semester report as PDF (/laporan/{institutionId}/{period}/pdf): its printable page
/// (/laporan/{institutionId}/{period}/cetak, <see cref="ReportPrintModel"/>), which decides who may see it (out of scope,
/// unknown WKSBM or future period: 404).
/// </summary>
[Authorize(Policy = WahanaPolicies.Reports)]
public sealed class ReportPdfModel(WahanaDbContext db, PdfRenderer renderer) : PdfDownloadModel(db, renderer)
{
    public Task<IActionResult> OnGetAsync(Guid institutionId, string period, CancellationToken cancellationToken)
    {
        if (Semester.Parse(period) is not { } semester)
        {
            return Task.FromResult<IActionResult>(NotFound());
        }
        var path = $"/laporan/{institutionId}/{semester}/cetak";
        return PdfAsync(path, $"laporan-semester-{semester}-{institutionId.ToString()[..8]}.pdf", nameof(SemesterReport), $"{institutionId}/{semester}", cancellationToken);
    }
}
