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
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Beneficiaries;

/// <summary>
/// /penerima/ekspor: the registry list with the list's query string (search, filters, sort), every page, as an
/// Excel file. Personal data: only the roles that may reveal identity numbers, NIK and KK still masked, every
/// text cell neutralised against formulas, and the export audited with its filters and row count. Streamed
/// from the database into a temporary file, so a large export does not sit in memory.
/// </summary>
[Authorize(Policy = WahanaPolicies.IdentityReveal)]
public sealed class ExportModel(WahanaDbContext db, TimeProvider clock) : PageModel
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string AuditAction = "ExportPersonalData";

    public static readonly string[] Headers =
    [
        "Nama", "NIK", "No. KK", "Jenis kelamin", "Tempat lahir", "Tanggal lahir", "Umur", "Alamat", "RT", "RW", "Padukuhan/RW",
        "Kalurahan/Kelurahan", "Kapanewon/Kemantren", "Kabupaten/Kota", "WKSBM", "Kategori PPKS", "Desil", "Status",
        "Tanggal terdaftar", "Alasan tanpa NIK",
    ];

    private static readonly OpenXmlConfiguration Layout = new()
    {
        DynamicColumns =
        [
            new DynamicExcelColumn(Headers[0]) { Width = 32 },
            new DynamicExcelColumn(Headers[1]) { Width = 20 },
            new DynamicExcelColumn(Headers[2]) { Width = 20 },
            new DynamicExcelColumn(Headers[5]) { Width = 12, Format = "dd-MM-yyyy" },
            new DynamicExcelColumn(Headers[7]) { Width = 36 },
            new DynamicExcelColumn(Headers[14]) { Width = 36 },
            new DynamicExcelColumn(Headers[15]) { Width = 40 },
            new DynamicExcelColumn(Headers[18]) { Width = 12, Format = "dd-MM-yyyy" },
        ],
    };

    private sealed class Exported
    {
        public string Name { get; init; } = "";
        public string? Nik { get; init; }
        public string? Kk { get; init; }
        public Sex Sex { get; init; }
        public string BirthPlace { get; init; } = "";
        public DateOnly BirthDate { get; init; }
        public string Address { get; init; } = "";
        public string? Rt { get; init; }
        public string? Rw { get; init; }
        public string Hamlet { get; init; } = "";
        public string VillageCode { get; init; } = "";
        public Guid InstitutionId { get; init; }
        public List<int> Categories { get; init; } = [];
        public int? Desil { get; init; }
        public BeneficiaryStatus Status { get; init; }
        public DateOnly RegisteredOn { get; init; }
        public string? NoNikReason { get; init; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var today = Wib.Today(clock);
        var query = BeneficiaryQuery.ParsePage(Request.Query);
        await using var connection = await BeneficiaryQuery.SqliteReadsAsync(db, cancellationToken);
        var people = (await query.QueryAsync(db, today, cancellationToken)).Select(b => new Exported
        {
            Name = b.Name, Nik = b.Nik, Kk = b.Kk, Sex = b.Sex, BirthPlace = b.BirthPlace, BirthDate = b.BirthDate, Address = b.Address,
            Rt = b.Rt, Rw = b.Rw, Hamlet = b.Hamlet, VillageCode = b.VillageCode, InstitutionId = b.InstitutionId,
            Categories = b.Categories.Select(c => c.CategoryId).ToList(), Desil = b.Desil, Status = b.Status,
            RegisteredOn = b.RegisteredOn, NoNikReason = b.NoNikReason,
        });
        var institutions = await db.Institutions.AsNoTracking().Select(i => new { i.Id, i.Name })
            .ToDictionaryAsync(i => i.Id, i => i.Name, cancellationToken);
        var catalog = RegionCatalog.Instance;
        var count = 0;
        Dictionary<string, object?> Cells(Exported p)
        {
            count++;
            var village = catalog.Find(p.VillageCode);
            return new Dictionary<string, object?>
            {
                [Headers[0]] = SpreadsheetText.Safe(p.Name),
                [Headers[1]] = SpreadsheetText.Safe(BeneficiaryQuery.MaskOrNull(p.Nik)),
                [Headers[2]] = SpreadsheetText.Safe(BeneficiaryQuery.MaskOrNull(p.Kk)),
                [Headers[3]] = BeneficiaryQuery.SexName(p.Sex),
                [Headers[4]] = SpreadsheetText.Safe(p.BirthPlace),
                [Headers[5]] = p.BirthDate,
                [Headers[6]] = BeneficiaryQuery.AgeOn(p.BirthDate, today),
                [Headers[7]] = SpreadsheetText.Safe(p.Address),
                [Headers[8]] = SpreadsheetText.Safe(p.Rt),
                [Headers[9]] = SpreadsheetText.Safe(p.Rw),
                [Headers[10]] = SpreadsheetText.Safe(p.Hamlet),
                [Headers[11]] = SpreadsheetText.Safe(village?.Name),
                [Headers[12]] = SpreadsheetText.Safe(catalog.Find(village?.ParentCode)?.Name),
                [Headers[13]] = SpreadsheetText.Safe(catalog.RegencyName(Region.RegencyCodeOf(p.VillageCode))),
                [Headers[14]] = SpreadsheetText.Safe(institutions.GetValueOrDefault(p.InstitutionId)),
                [Headers[15]] = SpreadsheetText.Safe(string.Join(", ", BeneficiaryQuery.CategoriesOf(p.Categories).Select(c => c.Name))),
                [Headers[16]] = p.Desil,
                [Headers[17]] = BeneficiaryQuery.StatusName(p.Status),
                [Headers[18]] = p.RegisteredOn,
                [Headers[19]] = SpreadsheetText.Safe(p.NoNikReason),
            };
        }

        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"wahana-ekspor-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            // Rows stream from the database reader straight into the file; the first one decides whether there is any.
            using var rows = people.AsEnumerable().Select(Cells).GetEnumerator();
            var sheet = SpreadsheetSheet.Of(rows, Headers, "Penerima manfaat");
            await file.SaveAsAsync(sheet, sheetName: "Penerima manfaat", excelType: ExcelType.XLSX, configuration: Layout,
                cancellationToken: cancellationToken);
            db.AuditEntries.Add(ActionAudit.Entry(db.CurrentUser, AuditAction, nameof(Beneficiary), "penerima/ekspor",
                new Dictionary<string, object?> { ["filters"] = query.Describe(), ["rows"] = count }));
            await db.SaveChangesAsync(cancellationToken);
            file.Position = 0;
            Response.Headers.CacheControl = "no-store";
            return File(file, ContentType, $"penerima-manfaat-{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.xlsx");
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
