using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiniExcelLibs;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.BeneficiaryImport;

/// <summary>
/// /penerima/impor/{id}/kesalahan.xlsx: the rows with errors as the file had them, each with its row number and
/// its errors; every text neutralised (<see cref="SpreadsheetText.Safe"/>) so formula text never runs. Corrected,
/// the file can be imported again as it is (the columns baris and kesalahan are ignored).
/// </summary>
public sealed class ErrorFileModel(ImportJobs jobs, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ImportAccess.MayImport(user.Role))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (jobs.Find(Id, user.Id) is not { Result.InvalidCount: > 0, IsRunning: false } job || !System.IO.File.Exists(job.SpillPath))
        {
            return NotFound();
        }
        var errorsByRow = job.Result!.Errors.GroupBy(e => e.Row).ToDictionary(
            g => g.Key, g => string.Join("; ", g.Select(e => $"{e.Column}: {e.Message}")));
        var columns = ImportColumns.All;
        var rows = RowSpill.Read(job.SpillPath)
            .Where(r => errorsByRow.ContainsKey(r.Number))
            .Select(r =>
            {
                var values = new Dictionary<string, object?>(columns.Count + 2, StringComparer.Ordinal)
                {
                    [ImportColumns.RowColumn] = r.Number,
                };
                for (var i = 0; i < columns.Count; i++)
                {
                    values[columns[i].Header] = SpreadsheetText.Safe(r[i].Display);
                }
                values[ImportColumns.ErrorColumn] = SpreadsheetText.Safe(errorsByRow[r.Number]);
                return values;
            });
        // Written to a temporary file that goes away when the response is sent: thousands of rows stay off the heap.
        var path = Path.Combine(jobs.Folder, $"{Guid.NewGuid():N}.kesalahan.xlsx");
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            await file.SaveAsAsync(rows, sheetName: "kesalahan", excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
        }
        var result = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var name = Path.GetFileNameWithoutExtension(job.FileName);
        return File(result, TemplateModel.ContentType, $"kesalahan-{name}.xlsx");
    }
}
