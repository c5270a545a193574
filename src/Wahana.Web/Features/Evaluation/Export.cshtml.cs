using System.Data;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using Wahana.Web.Data;
using Wahana.Web.Features.Reports;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Evaluation;

/// <summary>
/// /evaluasi/ekspor: the evaluation table as an Excel file, with the page's query string (period, kabupaten/kota,
/// sort); hidden counts as "&lt;5" as on screen. Each export leaves an audit entry.
/// </summary>
[Authorize(Policy = WahanaPolicies.Evaluation)]
public sealed class ExportModel(WahanaDbContext db, IServiceProvider services, IOptions<ReportDeadlines> deadlines, TimeProvider clock) : PageModel
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string AuditAction = "ExportEvaluation";

    public static readonly string[] Headers =
    [
        "Nama WKSBM", "Kabupaten/Kota", "Orang dilayani", "Dalam rentang 30-80", "Kategori PPKS terlayani", "Rupiah per orang",
        "Sumber dana", "Relawan aktif", "Tingkat kelembagaan", "Nilai kelembagaan", "Laporan tepat waktu", "Indikator lemah",
    ];

    private static readonly OpenXmlConfiguration Layout = new()
    {
        DynamicColumns =
        [
            new DynamicExcelColumn(Headers[0]) { Width = 45 },
            new DynamicExcelColumn(Headers[1]) { Width = 24 },
            new DynamicExcelColumn(Headers[11]) { Width = 60 },
        ],
    };

    public async Task<FileResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var today = Wib.Today(clock);
        var query = EvaluationQuery.Parse(Request.Query["periode"], Request.Query["kabupaten"], Request.Query["urut"], Request.Query["arah"], today);
        var result = await query.LoadAsync(db, services, deadlines.Value, cancellationToken);
        object Hidden(int? value) => value is { } v ? v : "<5";
        var rows = result.Items.Select(r => new Dictionary<string, object?>
        {
            [Headers[0]] = SpreadsheetText.Safe(r.Name),
            [Headers[1]] = SpreadsheetText.Safe(r.RegencyName),
            [Headers[2]] = Hidden(r.PeopleServed),
            [Headers[3]] = r.InBand ? "Ya" : "Tidak",
            [Headers[4]] = r.CategoriesCovered,
            [Headers[5]] = r.RupiahPerPerson is { } rupiah ? rupiah : "<5 orang",
            [Headers[6]] = r.FundingSources,
            [Headers[7]] = Hidden(r.ActiveVolunteers),
            [Headers[8]] = r.Level ?? "Belum dinilai",
            [Headers[9]] = r.Score,
            [Headers[10]] = Indicators.TimelinessName(r.Report),
            [Headers[11]] = SpreadsheetText.Safe(string.Join(", ", r.Weak.Select(Indicators.NameOf))),
        }).ToList();

        var file = new MemoryStream();
        object sheet = rows.Count > 0 ? rows : EmptyTable();
        await file.SaveAsAsync(sheet, sheetName: "Evaluasi", excelType: ExcelType.XLSX, configuration: Layout, cancellationToken: cancellationToken);
        file.Position = 0;
        var audit = AuditTrail.Action(db.CurrentUser, AuditAction, "Evaluation", Guid.Empty);
        db.AuditEntries.Add(new Domain.AuditEntry
        {
            Id = audit.Id, At = audit.At, UserId = audit.UserId, UserName = audit.UserName, Action = audit.Action,
            EntityType = audit.EntityType, EntityId = "evaluasi/ekspor",
            NewValues = System.Text.Json.JsonSerializer.Serialize(new { period = result.Period, regency = result.Regency, rows = rows.Count }),
        });
        await db.SaveChangesAsync(cancellationToken);
        return File(file, ContentType, $"evaluasi-wksbm-{result.Period}.xlsx");
    }

    private static DataTable EmptyTable()
    {
        var table = new DataTable("Evaluasi") { Locale = CultureInfo.InvariantCulture };
        foreach (var header in Headers)
        {
            table.Columns.Add(header);
        }
        return table;
    }
}
