using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;

namespace Wahana.Web.Features.Institutions;

/// <summary>
/// /wksbm/ekspor: the register's list as an Excel file, with the register's query string (search, filters, sort)
/// and every page; counts as on screen (for the forum and partners, below 5 as "&lt;5").
/// </summary>
public sealed class ExportModel(WahanaDbContext db, TimeProvider clock) : PageModel
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly string[] Headers =
    [
        "Nama WKSBM", "Kabupaten/Kota", "Kapanewon/Kemantren", "Kalurahan/Kelurahan", "Padukuhan/RW", "Ketua", "Status",
        "Penerima manfaat", "Dilayani semester ini", "Tingkat kelembagaan", "Nomor SK", "Tanggal SK",
    ];

    private static readonly OpenXmlConfiguration Layout = new()
    {
        DynamicColumns =
        [
            new DynamicExcelColumn(Headers[0]) { Width = 45 },
            new DynamicExcelColumn(Headers[1]) { Width = 24 },
            new DynamicExcelColumn(Headers[2]) { Width = 20 },
            new DynamicExcelColumn(Headers[3]) { Width = 20 },
            new DynamicExcelColumn(Headers[5]) { Width = 28 },
            new DynamicExcelColumn(Headers[11]) { Width = 12, Format = "dd-MM-yyyy" },
        ],
    };

    public async Task<FileResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var today = Wib.Today(clock);
        var result = await RegisterQuery.Parse(Request.Query).LoadAsync(db, today, allRows: true, cancellationToken);
        var catalog = RegionCatalog.Instance;
        // Counts stay numbers in the sheet; only a hidden small count becomes the text "<5".
        object Count(int value) => result.IsHidden(value) ? result.Count(value) : value;
        var rows = result.Rows.Select(r => new Dictionary<string, object?>
        {
            [Headers[0]] = r.Name,
            [Headers[1]] = catalog.RegencyName(Region.RegencyCodeOf(r.VillageCode)),
            [Headers[2]] = catalog.Find(catalog.Find(r.VillageCode)?.ParentCode)?.Name,
            [Headers[3]] = catalog.Find(r.VillageCode)?.Name,
            [Headers[4]] = r.Hamlet,
            [Headers[5]] = r.Chair,
            [Headers[6]] = RegisterQuery.StatusName(r.Status),
            [Headers[7]] = Count(r.Beneficiaries),
            [Headers[8]] = Count(r.Served),
            [Headers[9]] = RegisterQuery.LevelName(r.Level),
            [Headers[10]] = r.DecreeNumber,
            [Headers[11]] = r.DecreeDate,
        }).ToList();

        var file = new MemoryStream();
        // An empty list of dictionaries has no columns to head; an empty table has.
        object sheet = rows.Count > 0 ? rows : SpreadsheetSheet.Empty(Headers, "WKSBM");
        await file.SaveAsAsync(sheet, sheetName: "WKSBM", excelType: ExcelType.XLSX, configuration: Layout, cancellationToken: cancellationToken);
        file.Position = 0;
        return File(file, ContentType, $"wksbm-{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.xlsx");
    }
}
