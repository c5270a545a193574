using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using Wahana.Web.Data;
using Wahana.Web.Infrastructure.Pdf;

namespace Wahana.Web.Features.Reports;

/// <summary>
/// A PDF of one of our printable pages, made by <see cref="PdfRenderer"/> as the signed-in user sees the page, and
/// audited. Where Chromium is not installed: 503 with a message in Indonesian (a page, or a ProblemDetails for a
/// client that asks for JSON) saying to print from the browser instead.
/// </summary>
public abstract class PdfDownloadModel(WahanaDbContext db, PdfRenderer renderer) : PageModel
{
    public const string AuditAction = "DownloadPdf";

    protected WahanaDbContext Db { get; } = db;

    public const string UnavailableTitle = "PDF tidak tersedia";

    public const string UnavailableDetail =
        "PDF tidak dapat dibuat di server ini karena Chromium belum dipasang. Gunakan tombol Cetak di halaman laporan, "
        + "lalu pilih \"Simpan sebagai PDF\" pada jendela cetak peramban.";

    /// <summary>The printable page this PDF is made of, to go back to.</summary>
    public string PrintPath { get; protected set; } = "/";

    /// <summary>Why there is no PDF (shown on the page with status 503 or 502).</summary>
    public string Message { get; private set; } = UnavailableDetail;

    protected async Task<IActionResult> PdfAsync(string printPath, string fileName, string entityType, string entityId, CancellationToken cancellationToken)
    {
        PrintPath = printPath;
        var result = await renderer.RenderPageAsync(printPath, Request.Headers.Cookie.ToString(), Request.Host.Value, cancellationToken);
        switch (result.Outcome)
        {
            case PdfOutcome.Rendered:
                Db.AuditEntries.Add(ActionAudit.Entry(Db.CurrentUser, AuditAction, entityType, entityId,
                    new Dictionary<string, object?> { ["page"] = printPath, ["bytes"] = result.Pdf!.Length }));
                await Db.SaveChangesAsync(cancellationToken);
                return File(result.Pdf, "application/pdf", fileName);
            case PdfOutcome.PageFailed when result.PageStatus == HttpStatusCode.NotFound:
                return NotFound();
            case PdfOutcome.PageFailed when result.PageStatus is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.Found:
                return Forbid();
            case PdfOutcome.Unavailable:
                return Unavailable(StatusCodes.Status503ServiceUnavailable, UnavailableDetail);
            default:
                return Unavailable(StatusCodes.Status502BadGateway,
                    "PDF gagal dibuat kali ini. Coba lagi sebentar lagi, atau gunakan tombol Cetak di halaman laporan.");
        }
    }

    private ActionResult Unavailable(int status, string detail)
    {
        Message = detail;
        var accept = Request.Headers[HeaderNames.Accept].ToString();
        if (accept.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return new ObjectResult(new ProblemDetails { Status = status, Title = UnavailableTitle, Detail = detail })
            {
                StatusCode = status,
                ContentTypes = { "application/problem+json" },
            };
        }
        Response.StatusCode = status;
        return Page();
    }
}
