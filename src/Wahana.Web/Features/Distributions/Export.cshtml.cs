using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Distributions;

/// <summary>
/// /kegiatan/ekspor: the activities list with its filters (WKSBM, period), every page, as an Excel file: one row per
/// activity with its people and rupiah. No personal data (recipients are not listed), but the export is audited all
/// the same, and every text cell is neutralised against formulas.
/// </summary>
[Authorize(Policy = WahanaPolicies.IdentityReveal)]
public sealed class ExportModel(WahanaDbContext db, TimeProvider clock) : PageModel
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string AuditAction = "ExportDistributions";

    /// <summary>Activities read from the database at a time.</summary>
    private const int Batch = 500;

    public static readonly string[] Headers =
    [
        "Tanggal", "Kegiatan", "WKSBM", "Jenis layanan", "Bentuk", "Sumber dana", "Mitra", "Nilai per orang", "Jumlah orang",
        "Jumlah nilai", "Dicatat oleh",
    ];

    private static readonly OpenXmlConfiguration Layout = new()
    {
        DynamicColumns =
        [
            new DynamicExcelColumn(Headers[0]) { Width = 12, Format = "dd-MM-yyyy" },
            new DynamicExcelColumn(Headers[1]) { Width = 40 },
            new DynamicExcelColumn(Headers[2]) { Width = 36 },
            new DynamicExcelColumn(Headers[7]) { Width = 16, Format = "#,##0" },
            new DynamicExcelColumn(Headers[9]) { Width = 18, Format = "#,##0" },
        ],
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var today = Wib.Today(clock);
        var query = DistributionQuery.ParsePage(Request.Query, today);
        var filtered = query.Filtered(db);
        var rows = new List<Dictionary<string, object?>>();
        for (var skip = 0; ; skip += Batch)
        {
            var batch = await DistributionQuery.RowsAsync(db, filtered.Skip(skip).Take(Batch), cancellationToken);
            rows.AddRange(batch.Select(Cells));
            if (batch.Count < Batch)
            {
                break;
            }
        }
        if (rows.Count == 0)
        {
            rows.Add(Headers.ToDictionary(h => h, _ => (object?)null));
        }
        var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: "Kegiatan penyaluran", excelType: ExcelType.XLSX, configuration: Layout,
            cancellationToken: cancellationToken);
        var audit = new AuditEntry
        {
            UserId = db.CurrentUser.Id,
            UserName = db.CurrentUser.Name,
            Action = AuditAction,
            EntityType = nameof(Distribution),
            EntityId = "kegiatan/ekspor",
            NewValues = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["filters"] = query.ToQueryString(forExport: true),
                ["rows"] = rows.Count(r => r[Headers[1]] is not null),
            }),
        };
        db.AuditEntries.Add(audit);
        await db.SaveChangesAsync(cancellationToken);
        stream.Position = 0;
        Response.Headers.CacheControl = "no-store";
        return File(stream, ContentType, $"kegiatan-penyaluran-{(query.Period?.ToString() ?? "semua")}-{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.xlsx");
    }

    private static Dictionary<string, object?> Cells(DistributionQuery.Row row) => new()
    {
        [Headers[0]] = row.Date.ToDateTime(TimeOnly.MinValue),
        [Headers[1]] = SpreadsheetText.Safe(row.Title),
        [Headers[2]] = SpreadsheetText.Safe(row.InstitutionName),
        [Headers[3]] = DistributionText.KindName(row.Kind),
        [Headers[4]] = DistributionText.FormName(row.Form),
        [Headers[5]] = DistributionText.FundingName(row.FundingSource),
        [Headers[6]] = SpreadsheetText.Safe(row.PartnerName),
        [Headers[7]] = row.ValuePerPerson,
        [Headers[8]] = row.People,
        [Headers[9]] = row.Rupiah,
        [Headers[10]] = SpreadsheetText.Safe(row.RecordedBy),
    };
}
