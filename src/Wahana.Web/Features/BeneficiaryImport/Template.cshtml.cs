using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.BeneficiaryImport;

/// <summary>
/// /penerima/impor/templat.xlsx: the import template. Sheet "penerima" has the columns and one example row (for a
/// WKSBM's board, in their own kalurahan); sheet "petunjuk" explains each column and lists the 26 PPKS category codes.
/// </summary>
public sealed class TemplateModel(WahanaDbContext db) : PageModel
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string DataSheet = "penerima";

    public const string GuideSheet = "petunjuk";

    private const string DefaultVillage = "34.02.15.2003";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ImportAccess.MayImport(db.CurrentUser.Role))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        // A WKSBM's board gets the example in its own kalurahan, so the example row is valid for it as it stands.
        var own = db.CurrentUser.Scope.InstitutionId is { } institutionId
            ? await db.Institutions.AsNoTracking().Where(i => i.Id == institutionId).Select(i => new { i.VillageCode, i.Hamlet }).SingleOrDefaultAsync(cancellationToken)
            : null;
        var file = new MemoryStream();
        var sheets = new Dictionary<string, object>
        {
            [DataSheet] = new[] { Example(own?.VillageCode ?? DefaultVillage, own?.Hamlet) },
            [GuideSheet] = Guide(),
        };
        await file.SaveAsAsync(sheets, excelType: ExcelType.XLSX, configuration: Layout, cancellationToken: cancellationToken);
        file.Position = 0;
        return File(file, ContentType, "templat-impor-penerima.xlsx");
    }

    private static readonly OpenXmlConfiguration Layout = new()
    {
        DynamicColumns =
        [
            new DynamicExcelColumn(ImportColumns.Name) { Width = 28 },
            new DynamicExcelColumn(ImportColumns.Nik) { Width = 20 },
            new DynamicExcelColumn(ImportColumns.NoNikReason) { Width = 24 },
            new DynamicExcelColumn(ImportColumns.Kk) { Width = 20 },
            new DynamicExcelColumn(ImportColumns.Village) { Width = 16 },
            new DynamicExcelColumn(ImportColumns.Address) { Width = 32 },
            new DynamicExcelColumn(ImportColumns.Categories) { Width = 26 },
            new DynamicExcelColumn("keterangan") { Width = 90 },
        ],
    };

    /// <summary>The example row: a woman born 07-08-1990, her NIK and KK from the kalurahan's own kapanewon.</summary>
    internal static Dictionary<string, object?> Example(string villageCode, string? hamlet)
    {
        var village = RegionCatalog.Instance.Find(villageCode);
        var kapanewon = village?.ParentCode ?? "34.02.15";
        var values = ImportColumns.All.ToDictionary(c => c.Header, c => (object?)c.Example, StringComparer.Ordinal);
        values[ImportColumns.Nik] = Nik.Compose(kapanewon, new DateOnly(1990, 8, 7), Sex.Perempuan, 1);
        values[ImportColumns.Kk] = kapanewon.Replace(".", "", StringComparison.Ordinal) + "0101100003";
        values[ImportColumns.Village] = villageCode;
        values[ImportColumns.BirthPlace] = RegionCatalog.Instance.Find(Region.RegencyCodeOf(villageCode))?.ShortName ?? "Bantul";
        if (!string.IsNullOrWhiteSpace(hamlet))
        {
            values[ImportColumns.Hamlet] = hamlet;
            values[ImportColumns.Address] = $"{hamlet} RT 004/RW 012";
        }
        return values;
    }

    private static List<Dictionary<string, object?>> Guide()
    {
        static Dictionary<string, object?> Line(string column, string required, string description, string example) => new(StringComparer.Ordinal)
        {
            ["kolom"] = column,
            ["wajib"] = required,
            ["keterangan"] = description,
            ["contoh"] = example,
        };
        var lines = ImportColumns.All.Select(c => Line(c.Header, c.Required ? "ya" : "tidak", c.Description, c.Example)).ToList();
        lines.Add(Line("", "", "", ""));
        lines.Add(Line("Aturan umum", "", "Baris pertama lembar penerima berisi judul kolom persis seperti di templat; satu baris per orang; hapus baris contoh. Paling banyak 100.000 baris dan 25 MB per berkas. Semua baris masuk ke satu WKSBM yang dipilih saat mengunggah. Orang yang NIK-nya sudah ada di registri (WKSBM mana pun) tidak didaftarkan ulang.", ""));
        lines.Add(Line("", "", "", ""));
        lines.Add(Line("Kode kategori", "", "Nama kategori PPKS (Permensos 08/2012), untuk kolom kategori", ""));
        lines.AddRange(PpksCategory.All.Select(c => Line(c.Slug, "", c.Name, "")));
        return lines;
    }
}
