using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wahana.Web.Features.BeneficiaryImport;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.ServiceImport;

/// <summary>Texts of an import's state, for the upload page's list and the job page.</summary>
public static class ServiceImportStatus
{
    public static string StateName(ImportState state) => state switch
    {
        ImportState.Antre => "menunggu giliran",
        ImportState.Memeriksa => "sedang diperiksa",
        ImportState.Diperiksa => "sudah diperiksa, belum disimpan",
        ImportState.Menyimpan => "sedang disimpan",
        ImportState.Selesai => "tersimpan",
        _ => "gagal",
    };
}

/// <summary>
/// /layanan/impor/{id}: one service import, for the user who uploaded it (anyone else gets 404). Shows the progress
/// while a pass runs (the status part is polled every second with htmx), then the dry run's result with the first
/// <see cref="ShownErrors"/> errors and the error file, and the save button when no row has an error.
/// </summary>
public sealed class ServiceImportJobModel(ServiceImportJobs jobs, CurrentUser user) : PageModel
{
    public const int ShownErrors = 200;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ServiceImportJob Job { get; private set; } = null!;

    public IActionResult OnGet() => Load() ?? Page();

    public IActionResult OnGetStatus() => Load() ?? Partial("_ServiceImportStatus", Job);

    /// <summary>Saves every checked row in one transaction, or nothing.</summary>
    public IActionResult OnPostCommit()
    {
        if (Load() is { } refused)
        {
            return refused;
        }
        if (!jobs.StartCommit(Job))
        {
            Job.Message = Job.IsRunning ? "Impor ini sedang berjalan; tunggu sampai selesai."
                : Job.State != ImportState.Diperiksa || Job.Result is null ? "Impor ini tidak dapat disimpan lagi."
                : Job.Result.InvalidCount > 0 ? "Tidak ada yang disimpan: impor layanan hanya menyimpan bila semua baris benar. Perbaiki baris yang bermasalah lalu unggah lagi."
                : "Tidak ada baris yang dapat disimpan.";
        }
        return LocalRedirect($"/layanan/impor/{Id}");
    }

    public IActionResult OnPostRemove()
    {
        if (Load() is { } refused)
        {
            return refused;
        }
        jobs.Remove(Job);
        return LocalRedirect("/layanan/impor");
    }

    private IActionResult? Load()
    {
        if (!ServiceImportAccess.MayImport(user.Role))
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
