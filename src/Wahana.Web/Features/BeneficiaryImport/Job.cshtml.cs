using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.BeneficiaryImport;

/// <summary>
/// /penerima/impor/{id}: one import, for the user who uploaded it (anyone else gets 404). Shows the progress while a
/// pass runs (the status part is polled every second with htmx), then the dry run's result with the first
/// <see cref="ShownErrors"/> errors, the error file and the choice how to save; then what was saved.
/// </summary>
public sealed class JobModel(ImportJobs jobs, CurrentUser user) : PageModel
{
    public const int ShownErrors = 200;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ImportJob Job { get; private set; } = null!;

    public IActionResult OnGet() => Load() ?? Page();

    /// <summary>The status part alone, for htmx polling.</summary>
    public IActionResult OnGetStatus() => Load() ?? Partial("_ImportStatus", Job);

    /// <summary>Saves the checked rows: <c>semua</c> (all or nothing) or <c>valid</c> (the valid rows only).</summary>
    public IActionResult OnPostCommit(string? mode)
    {
        if (Load() is { } refused)
        {
            return refused;
        }
        if (mode is not ("semua" or "valid") || !jobs.StartCommit(Job, allOrNothing: mode == "semua"))
        {
            Job.Message = Job.IsRunning ? "Impor ini sedang berjalan; tunggu sampai selesai."
                : Job.State != ImportState.Diperiksa || Job.Result is null ? "Impor ini tidak dapat disimpan lagi."
                : Job.Result.ValidRows == 0 ? "Tidak ada baris valid yang dapat disimpan."
                : mode == "semua" ? "\"Semua atau tidak sama sekali\" hanya bisa bila tidak ada baris yang bermasalah. Perbaiki berkasnya, atau pilih simpan baris yang valid saja."
                : "Pilih cara menyimpan: semua atau tidak sama sekali, atau baris yang valid saja.";
        }
        return LocalRedirect($"/penerima/impor/{Id}");
    }

    /// <summary>Drops the import (nothing was saved, or it is done) and its temporary files.</summary>
    public IActionResult OnPostRemove()
    {
        if (Load() is { } refused)
        {
            return refused;
        }
        jobs.Remove(Job);
        return LocalRedirect("/penerima/impor");
    }

    private IActionResult? Load()
    {
        if (!ImportAccess.MayImport(user.Role))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (jobs.Find(Id, user.Id) is not { } job)
        {
            return NotFound();
        }
        Job = job;
        return null;
    }
}
