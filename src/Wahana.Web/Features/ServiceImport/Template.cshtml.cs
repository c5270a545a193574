using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Features.BeneficiaryImport;
using Wahana.Web.Infrastructure;

namespace Wahana.Web.Features.ServiceImport;

/// <summary>
/// /layanan/impor/templat.xlsx: the service import template. Sheet "layanan" has the columns and one example row;
/// sheet "petunjuk" explains each column and lists the codes of kinds, forms and funding sources and the partners'
/// names. No personal data: the example NIK is the made-up one of DOMAIN.md.
/// </summary>
public sealed class ServiceImportTemplateModel(WahanaDbContext db, TimeProvider clock) : PageModel
{
    public const string DataSheet = "layanan";

    public const string GuideSheet = "petunjuk";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ServiceImportAccess.MayImport(db.CurrentUser.Role))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var partners = await db.Partners.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Name, p.Pillar }).ToListAsync(cancellationToken);
        var example = ServiceImportColumns.All.ToDictionary(c => c.Header, c => (object?)c.Example, StringComparer.Ordinal);
        example[ServiceImportColumns.Date] = Wib.Today(clock).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
        var guide = Guide();
        guide.Add(Line("", "", "", ""));
        guide.Add(Line("Mitra", "", "Nama mitra untuk kolom mitra (wajib untuk sumber dana donasi dan csr)", ""));
        guide.AddRange(partners.Select(p => Line(SpreadsheetText.Safe(p.Name), "", Partner.PillarName(p.Pillar), "")));
        var file = new MemoryStream();
        var sheets = new Dictionary<string, object>
        {
            [DataSheet] = new[] { example },
            [GuideSheet] = guide,
        };
        await file.SaveAsAsync(sheets, excelType: ExcelType.XLSX, configuration: Layout, cancellationToken: cancellationToken);
        file.Position = 0;
        return File(file, TemplateModel.ContentType, "templat-impor-layanan.xlsx");
    }

    private static readonly OpenXmlConfiguration Layout = new()
    {
        DynamicColumns =
        [
            new DynamicExcelColumn(ServiceImportColumns.Nik) { Width = 20 },
            new DynamicExcelColumn(ServiceImportColumns.WahanaId) { Width = 38 },
            new DynamicExcelColumn(ServiceImportColumns.Name) { Width = 24 },
            new DynamicExcelColumn(ServiceImportColumns.Date) { Width = 12 },
            new DynamicExcelColumn(ServiceImportColumns.Kind) { Width = 18 },
            new DynamicExcelColumn(ServiceImportColumns.Form) { Width = 14 },
            new DynamicExcelColumn(ServiceImportColumns.Value) { Width = 14 },
            new DynamicExcelColumn(ServiceImportColumns.FundingSource) { Width = 16 },
            new DynamicExcelColumn(ServiceImportColumns.Partner) { Width = 24 },
            new DynamicExcelColumn(ServiceImportColumns.Notes) { Width = 32 },
            new DynamicExcelColumn("kolom") { Width = 22 },
            new DynamicExcelColumn("keterangan") { Width = 90 },
        ],
    };

    private static Dictionary<string, object?> Line(string column, string required, string description, string example) => new(StringComparer.Ordinal)
    {
        ["kolom"] = column,
        ["wajib"] = required,
        ["keterangan"] = description,
        ["contoh"] = example,
    };

    private static List<Dictionary<string, object?>> Guide()
    {
        var lines = ServiceImportColumns.All.Select(c => Line(c.Header, c.Required ? "ya" : "tidak", c.Description, c.Example)).ToList();
        lines.Add(Line("", "", "", ""));
        lines.Add(Line("Aturan umum", "", string.Create(WebServices.Indonesian,
            $"Baris pertama lembar layanan berisi judul kolom persis seperti di templat; satu baris per layanan untuk satu orang; hapus baris contoh. Paling banyak {ServiceImportRun.MaxRows:N0} baris dan {ServiceImportModel.MaxFileBytes / 1024 / 1024} MB per berkas. Semua baris dicatat untuk satu WKSBM yang dipilih saat mengunggah, dan hanya untuk penerima yang terdaftar di WKSBM itu. Bila satu saja baris bermasalah, tidak ada yang disimpan. Layanan yang sudah tercatat (penerima, tanggal, jenis, bentuk dan nilai sama) tidak dicatat lagi, jadi berkas yang sama tidak menambah apa pun bila diimpor dua kali. Layanan pada semester yang laporannya sudah disetujui ditolak."), ""));
        lines.Add(Line("", "", "", ""));
        lines.Add(Line("Jenis", "", "Kode untuk kolom jenis", ""));
        lines.AddRange(ServiceImportColumns.Kinds.Select(k => Line(Slug.Of(k), "", ServiceImportColumns.KindName(k), "")));
        lines.Add(Line("", "", "", ""));
        lines.Add(Line("Bentuk", "", "Kode untuk kolom bentuk", ""));
        lines.AddRange(Enum.GetValues<ServiceForm>().Select(f => Line(Slug.Of(f), "", ServiceImportColumns.FormName(f), "")));
        lines.Add(Line("", "", "", ""));
        lines.Add(Line("Sumber dana", "", "Kode untuk kolom sumber_dana", ""));
        lines.AddRange(Enum.GetValues<FundingSource>().Select(s => Line(Slug.Of(s), "", ServiceImportColumns.FundingName(s), "")));
        return lines;
    }
}
