using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Features.BeneficiaryImport;

namespace Wahana.Web.Features.ServiceImport;

/// <summary>
/// /layanan/impor: upload an xlsx or CSV of services (from a WKSBM's paper records) for one WKSBM in the user's
/// scope. The file as a whole is checked at once (a spreadsheet by its content, the columns, the number of rows),
/// then row by row in the background (<see cref="ServiceImportJobs"/>); the job's page shows progress and result.
/// </summary>
public sealed class ServiceImportModel(WahanaDbContext db, ServiceImportJobs jobs) : PageModel
{
    public const long MaxFileBytes = 10L * 1024 * 1024;

    [BindProperty]
    [Display(Name = "WKSBM")]
    public Guid? InstitutionId { get; set; }

    [BindProperty]
    [Display(Name = "Berkas")]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<ImportModel.InstitutionChoice> Institutions { get; private set; } = [];

    public IReadOnlyList<ServiceImportJob> MyImports { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ServiceImportAccess.MayImport(db.CurrentUser.Role))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        await LoadAsync(cancellationToken);
        InstitutionId ??= Institutions.Count == 1 ? Institutions[0].Id : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ServiceImportAccess.MayImport(db.CurrentUser.Role))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        await LoadAsync(cancellationToken);
        if (InstitutionId is null)
        {
            ModelState.AddModelError(nameof(InstitutionId), "Pilih WKSBM yang memberi layanan.");
            return Page();
        }
        // The query filters decide: a WKSBM outside the user's scope does not exist for them.
        var institution = Institutions.FirstOrDefault(i => i.Id == InstitutionId);
        if (institution is null)
        {
            return NotFound();
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
        var job = jobs.StartCheck(db.CurrentUser.Id!.Value, User, new ServiceImportTarget(institution.Id, institution.Name, institution.RegencyCode),
            Path.GetFileName(Upload.FileName), format!.Value, path, declaredRows);
        return LocalRedirect($"/layanan/impor/{job.Id}");
    }

    /// <summary>
    /// Checks the file as a whole with the beneficiary import's sniffer and readers: a spreadsheet by its content,
    /// the service columns, at least one data row, at most <see cref="ServiceImportRun.MaxRows"/> of them.
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
            if (ServiceImportColumns.MapHeaders(source.Headers).Problem is { } columns)
            {
                return (null, null, columns);
            }
            int? rows = source is CsvReader csv ? csv.CountDataRows() : source.DeclaredDataRows;
            if (rows > ServiceImportRun.MaxRows && (source is CsvReader || source.Rows().Where(r => !r.IsBlank).Skip(ServiceImportRun.MaxRows).Any()))
            {
                return (null, null, ServiceImportRun.TooManyRows(rows));
            }
            if (rows == 0 || !source.Rows().Any(r => !r.IsBlank))
            {
                return (null, null, ServiceImportRun.NoDataRows);
            }
            return (sourceFormat, rows > ServiceImportRun.MaxRows ? null : rows, null);
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
            .Select(i => new ImportModel.InstitutionChoice(i.Id, i.Name, i.RegencyCode, i.VillageCode, i.Status))
            .ToListAsync(cancellationToken);
        MyImports = jobs.OfOwner(db.CurrentUser.Id);
    }
}
