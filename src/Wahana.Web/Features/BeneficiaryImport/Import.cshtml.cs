using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.BeneficiaryImport;

/// <summary>Who may import beneficiaries: the WKSBM's board and the offices, never volunteers, the forum or partners.</summary>
public static class ImportAccess
{
    /// <summary>
    /// Relawan may not import: volunteers record services in the field; registering people in bulk, with the consent
    /// that goes with it, is the board's responsibility (DOMAIN.md).
    /// </summary>
    public static bool MayImport(WahanaRole? role) =>
        role is WahanaRole.AdminProvinsi or WahanaRole.PetugasKabupaten or WahanaRole.PengurusWksbm;
}

/// <summary>
/// /penerima/impor: upload an xlsx or CSV of beneficiaries for one WKSBM in the user's scope. The file is checked
/// at once as a whole (is it a spreadsheet, are the columns right, how many rows), then row by row in the
/// background (<see cref="ImportJobs"/>); the job's page shows the progress and the result.
/// </summary>
/// <remarks>
/// Files up to <see cref="MaxFileBytes"/> are accepted. The server's own request limit (Kestrel's 30 MB) is left as it
/// is: a file a little over 25 MB still reaches this page and gets its message, and the page checks the size in the
/// browser before sending anything.
/// </remarks>
public sealed class ImportModel(WahanaDbContext db, ImportJobs jobs) : PageModel
{
    public const long MaxFileBytes = 25L * 1024 * 1024;

    [BindProperty]
    [Display(Name = "WKSBM tujuan")]
    public Guid? InstitutionId { get; set; }

    [BindProperty]
    [Display(Name = "Berkas")]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<InstitutionChoice> Institutions { get; private set; } = [];

    /// <summary>The user's imports still kept (an hour after they last changed).</summary>
    public IReadOnlyList<ImportJob> MyImports { get; private set; } = [];

    public sealed record InstitutionChoice(Guid Id, string Name, string RegencyCode, string VillageCode, InstitutionStatus Status);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ImportAccess.MayImport(db.CurrentUser.Role))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        await LoadAsync(cancellationToken);
        InstitutionId ??= Institutions.Count == 1 ? Institutions[0].Id : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ImportAccess.MayImport(db.CurrentUser.Role))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        await LoadAsync(cancellationToken);
        if (InstitutionId is null)
        {
            ModelState.AddModelError(nameof(InstitutionId), "Pilih WKSBM tujuan impor.");
            return Page();
        }
        // The query filters decide: a WKSBM outside the user's scope does not exist for them.
        var institution = Institutions.FirstOrDefault(i => i.Id == InstitutionId);
        if (institution is null)
        {
            return NotFound();
        }
        if (institution.Status == InstitutionStatus.TidakAktif)
        {
            ModelState.AddModelError(nameof(InstitutionId), "WKSBM ini tidak aktif; penerima manfaat tidak dapat diimpor ke sana.");
            return Page();
        }
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), Upload is null ? "Pilih berkas .xlsx atau .csv untuk diimpor." : "Berkas kosong (0 byte).");
            return Page();
        }
        if (Upload.Length > MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Upload), string.Create(Infrastructure.WebServices.Indonesian,
                $"Berkas terlalu besar ({Upload.Length / 1024d / 1024:N1} MB); paling besar {MaxFileBytes / 1024 / 1024} MB. Bagi menjadi beberapa berkas."));
            return Page();
        }

        var path = jobs.NewUploadPath();
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            await Upload.CopyToAsync(file, cancellationToken);
        }
        var (format, declaredRows, problem) = Inspect(path);
        if (problem is not null)
        {
            System.IO.File.Delete(path);
            ModelState.AddModelError(nameof(Upload), problem);
            return Page();
        }
        // A WKSBM's board registers people of its own kapanewon, as on the entry form; an office, of the WKSBM's kabupaten/kota.
        var kapanewon = db.CurrentUser.Scope.InstitutionId is not null ? RegionCatalog.Instance.Find(institution.VillageCode)?.ParentCode : null;
        var job = jobs.StartCheck(db.CurrentUser.Id!.Value, User, new ImportTarget(institution.Id, institution.Name, institution.RegencyCode, kapanewon),
            Path.GetFileName(Upload.FileName), format!.Value, path, declaredRows);
        return LocalRedirect($"/penerima/impor/{job.Id}");
    }

    /// <summary>
    /// Checks the file as a whole, quickly and without reading it into memory: a spreadsheet by its content, the
    /// columns, at least one data row, at most <see cref="ImportRun.MaxRows"/> of them.
    /// </summary>
    internal static (SourceFormat? Format, int? DeclaredRows, string? Problem) Inspect(string path)
    {
        var (format, problem) = SpreadsheetSniffer.Detect(path);
        if (format is not { } sourceFormat)
        {
            return (null, null, problem);
        }
        try
        {
            using var source = SourceReader.Open(path, sourceFormat);
            if (ImportColumns.MapHeaders(source.Headers).Problem is { } columns)
            {
                return (null, null, columns);
            }
            int? rows = source is CsvReader csv ? csv.CountDataRows() : source.DeclaredDataRows;
            if (rows > ImportRun.MaxRows && (source is CsvReader || source.Rows().Where(r => !r.IsBlank).Skip(ImportRun.MaxRows).Any()))
            {
                return (null, null, ImportRun.TooManyRows(rows));
            }
            if (rows == 0 || !source.Rows().Any(r => !r.IsBlank))
            {
                return (null, null, ImportRun.NoDataRows);
            }
            return (sourceFormat, rows > ImportRun.MaxRows ? null : rows, null);
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or IOException or FormatException
            or Sylvan.Data.Csv.CsvFormatException)
        {
            return (null, null, sourceFormat == SourceFormat.Xlsx
                ? "Berkas .xlsx ini rusak atau tidak dapat dibaca. Buka di Excel, simpan ulang, lalu unggah lagi."
                : "Berkas CSV ini tidak dapat dibaca (tanda kutip tidak berpasangan atau baris terlalu panjang).");
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Institutions = await db.Institutions.AsNoTracking()
            .OrderBy(i => i.RegencyCode).ThenBy(i => i.Name)
            .Select(i => new InstitutionChoice(i.Id, i.Name, i.RegencyCode, i.VillageCode, i.Status))
            .ToListAsync(cancellationToken);
        MyImports = jobs.OfOwner(db.CurrentUser.Id);
    }
}
