using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiniExcelLibs;
using Wahana.Web.Features.BeneficiaryImport;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.ServiceImport;

/// <summary>
/// /layanan/impor/{id}/kesalahan.xlsx: the rows with errors as the file had them, each with its row number and its
/// errors; every text neutralised (<see cref="SpreadsheetText.Safe"/>) so formula text never runs. The columns
/// baris and kesalahan are ignored when a corrected file is imported again.
/// </summary>
public sealed class ServiceImportErrorFileModel(ServiceImportJobs jobs, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ServiceImportAccess.MayImport(user.Role))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (jobs.Find(Id, user.Id) is not { Result.InvalidCount: > 0, IsRunning: false } job)
        {
            return NotFound();
        }
        var errorsByRow = job.Result!.Errors.GroupBy(e => e.Row).ToDictionary(
            g => g.Key, g => string.Join("; ", g.Select(e => $"{e.Column}: {e.Message}")));
        var columns = ServiceImportColumns.All;
        var dateColumn = ServiceImportColumns.IndexOf(ServiceImportColumns.Date);
        var rows = job.Rows
            .Where(r => errorsByRow.ContainsKey(r.Number))
            .Select(r =>
            {
                var values = new Dictionary<string, object?>(columns.Count + 2, StringComparer.Ordinal)
                {
                    [ImportColumns.RowColumn] = r.Number,
                };
                for (var i = 0; i < columns.Count; i++)
                {
                    values[columns[i].Header] = SpreadsheetText.Safe(i == dateColumn ? DateText(r[i]) : r[i].Display);
                }
                values[ImportColumns.ErrorColumn] = SpreadsheetText.Safe(errorsByRow[r.Number]);
                return values;
            })
            .ToList();
        var file = new MemoryStream();
        await file.SaveAsAsync(rows, sheetName: "kesalahan", excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
        file.Position = 0;
        var name = Path.GetFileNameWithoutExtension(job.FileName);
        return File(file, TemplateModel.ContentType, $"kesalahan-{name}.xlsx");
    }

    /// <summary>An Excel date cell as dd-MM-yyyy text (its serial number would mean nothing to the reader).</summary>
    private static string DateText(Cell cell) =>
        cell.Kind == CellKind.Number && double.TryParse(cell.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var serial)
            && serial is >= 1 and < 2958466
            ? DateTime.FromOADate(Math.Floor(serial)).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture)
            : cell.Display;
}
