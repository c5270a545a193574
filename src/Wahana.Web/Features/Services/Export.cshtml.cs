using System.Data;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Features.Beneficiaries;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Services;

/// <summary>
/// /layanan/ekspor: the services list with its filters, every page, as an Excel file. Personal data: only the
/// roles that may export personal data (not volunteers), every text cell neutralised against formulas, the
/// export audited with its filters and row count, streamed from the database into a temporary file.
/// </summary>
[Authorize(Policy = WahanaPolicies.IdentityReveal)]
public sealed class ExportModel(WahanaDbContext db, TimeProvider clock) : PageModel
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly string[] Headers =
    [
        "Tanggal", "Penerima", "WKSBM", "Jenis layanan", "Bentuk", "Nilai (Rp)", "Sumber dana", "Mitra", "Kegiatan penyaluran",
        "Dicatat oleh", "Id layanan",
    ];

    private static readonly OpenXmlConfiguration Layout = new()
    {
        DynamicColumns =
        [
            new DynamicExcelColumn(Headers[0]) { Width = 12, Format = "dd-MM-yyyy" },
            new DynamicExcelColumn(Headers[1]) { Width = 32 },
            new DynamicExcelColumn(Headers[2]) { Width = 36 },
            new DynamicExcelColumn(Headers[5]) { Width = 16, Format = "#,##0" },
            new DynamicExcelColumn(Headers[10]) { Width = 38 },
        ],
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var today = Wib.Today(clock);
        var query = ServiceQuery.ParsePage(Request.Query, Semester.Of(today));
        var count = 0;
        Dictionary<string, object?> Cells(ServiceQuery.Row r)
        {
            count++;
            return new Dictionary<string, object?>
            {
                [Headers[0]] = r.Date,
                [Headers[1]] = SpreadsheetText.Safe(r.BeneficiaryName),
                [Headers[2]] = SpreadsheetText.Safe(r.InstitutionName),
                [Headers[3]] = ServiceNames.Kind(r.Kind),
                [Headers[4]] = ServiceNames.Form(r.Form),
                [Headers[5]] = r.ValueRupiah,
                [Headers[6]] = ServiceNames.Funding(r.FundingSource),
                [Headers[7]] = SpreadsheetText.Safe(r.PartnerName),
                [Headers[8]] = r.DistributionId is null ? "" : "ya",
                [Headers[9]] = SpreadsheetText.Safe(r.RecordedBy),
                [Headers[10]] = r.Id.ToString(),
            };
        }

        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"wahana-layanan-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            using var rows = query.Rows(db).AsEnumerable().Select(Cells).GetEnumerator();
            object sheet = rows.MoveNext() ? Continue(rows) : EmptyTable();
            await file.SaveAsAsync(sheet, sheetName: "Layanan", excelType: ExcelType.XLSX, configuration: Layout, cancellationToken: cancellationToken);
            db.AuditEntries.Add(ActionAudit.Entry(db.CurrentUser, Beneficiaries.ExportModel.AuditAction, nameof(Service), "layanan/ekspor",
                new Dictionary<string, object?> { ["filters"] = query.Describe(), ["rows"] = count }));
            await db.SaveChangesAsync(cancellationToken);
            file.Position = 0;
            Response.Headers.CacheControl = "no-store";
            return File(file, ContentType, $"layanan-{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.xlsx");
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static IEnumerable<Dictionary<string, object?>> Continue(IEnumerator<Dictionary<string, object?>> rows)
    {
        do
        {
            yield return rows.Current;
        }
        while (rows.MoveNext());
    }

    private static DataTable EmptyTable()
    {
        var table = new DataTable("Layanan") { Locale = CultureInfo.InvariantCulture };
        foreach (var header in Headers)
        {
            table.Columns.Add(header);
        }
        return table;
    }
}
