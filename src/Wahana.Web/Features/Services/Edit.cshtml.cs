using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Services;

/// <summary>
/// Records one service for one person (/layanan/baru?penerima={id}, reached from the person's profile) and changes
/// one (/layanan/{id}/ubah). Made for a volunteer's phone: one column, sensible defaults, today's date.
/// </summary>
[Authorize(Policy = WahanaPolicies.PersonalData)]
[RequestSizeLimit(ServicePhotos.MaxUploadBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ServicePhotos.MaxUploadBytes + 1024 * 1024)]
public sealed class EditModel(WahanaDbContext db, TimeProvider clock, ServicePhotos photos) : PageModel
{
    public sealed record PersonSummary(Guid Id, string Name, Guid InstitutionId, string InstitutionName, DateOnly RegisteredOn);

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    /// <summary>The person a new service is for (?penerima=).</summary>
    [BindProperty(SupportsGet = true, Name = "penerima")]
    public Guid? PersonId { get; set; }

    [BindProperty]
    public ServiceInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Photo { get; set; }

    [BindProperty]
    public bool RemovePhoto { get; set; }

    public bool IsNew => Id is null;

    public PersonSummary Person { get; private set; } = null!;

    public IReadOnlyList<(Guid Id, string Name)> Volunteers { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Partners { get; private set; } = [];

    public bool HasPhoto { get; private set; }

    /// <summary>The value is above the limit: the confirmation checkbox is shown.</summary>
    public bool AsksLargeValueConfirmation { get; private set; }

    public DateOnly Today { get; private set; }

    public string Self => IsNew ? $"/layanan/baru?penerima={Person.Id}" : $"/layanan/{Id}/ubah";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ServiceEditor.MayWrite(db.CurrentUser.Role))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Today = Wib.Today(clock);
        if (IsNew)
        {
            Input = new ServiceInput
            {
                BeneficiaryId = PersonId,
                Date = Today,
                Kind = Slug.Of(ServiceKind.Santunan),
                Form = Slug.Of(ServiceForm.Barang),
                FundingSource = Slug.Of(FundingSource.Swadaya),
            };
        }
        else
        {
            var service = await db.Services.AsNoTracking().Include(s => s.Volunteers).SingleOrDefaultAsync(s => s.Id == Id, cancellationToken);
            if (service is null)
            {
                return NotFound();
            }
            Input = new ServiceInput
            {
                BeneficiaryId = service.BeneficiaryId,
                Date = service.Date,
                Kind = Slug.Of(service.Kind),
                Form = Slug.Of(service.Form),
                Value = ServiceEditor.ValueText(service.ValueRupiah),
                FundingSource = Slug.Of(service.FundingSource),
                PartnerId = service.PartnerId,
                VolunteerIds = [.. service.Volunteers.Select(v => v.VolunteerId)],
                Notes = service.Notes,
                ConfirmLargeValue = service.ValueRupiah > Service.ConfirmValueAbove,
                Version = service.Version,
            };
            HasPhoto = service.PhotoFile is not null;
        }
        return await PrepareAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Today = Wib.Today(clock);
        Service? existing = null;
        if (!IsNew)
        {
            existing = await db.Services.Include(s => s.Volunteers).SingleOrDefaultAsync(s => s.Id == Id, cancellationToken);
            if (existing is null)
            {
                return NotFound();
            }
            HasPhoto = existing.PhotoFile is not null;
        }
        else
        {
            Input.BeneficiaryId = PersonId ?? Input.BeneficiaryId;
        }
        Input.Id = null;
        Input.Value ??= "";
        ServiceEditor.PhotoChange? photo = null;
        if (Photo is not null)
        {
            var processed = await ServicePhotos.ReadAsync(Photo, cancellationToken);
            photo = new(processed.Jpeg, processed.Error, false);
        }
        else if (RemovePhoto)
        {
            photo = new(null, null, true);
        }
        var result = await ServiceEditor.SaveAsync(db, photos, existing, Input, photo, Today, cancellationToken);
        switch (result.Outcome)
        {
            case ServiceEditor.Outcome.Saved:
                TempData["Message"] = IsNew ? "Layanan tercatat." : "Perubahan layanan tersimpan.";
                return LocalRedirect(IsNew ? $"/penerima/{result.Service!.BeneficiaryId}#layanan" : $"/layanan/{result.Service!.Id}");
            case ServiceEditor.Outcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case ServiceEditor.Outcome.NotFound:
                return NotFound();
            case ServiceEditor.Outcome.Stale:
                ModelState.AddModelError("", ServiceEditor.StaleMessage + " Muat ulang halaman untuk melihat data terbaru, lalu ulangi perubahan Anda.");
                break;
            case ServiceEditor.Outcome.Locked:
                ModelState.AddModelError("", result.Message!);
                break;
            default:
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError(error.Field switch
                    {
                        "" => "",
                        "Photo" => nameof(Photo),
                        var field => $"Input.{field}",
                    }, error.Message);
                }
                break;
        }
        if (!IsNew && existing is not null)
        {
            HasPhoto = await db.Services.AsNoTracking().Where(s => s.Id == Id).Select(s => s.PhotoFile != null).SingleOrDefaultAsync(cancellationToken);
        }
        return await PrepareAsync(cancellationToken) ? Page() : NotFound();
    }

    /// <summary>Loads the person, the WKSBM's active volunteers and the partners; false when the person is not in scope.</summary>
    private async Task<bool> PrepareAsync(CancellationToken cancellationToken)
    {
        var personId = Input.BeneficiaryId;
        var person = await db.Beneficiaries.AsNoTracking().IgnoreQueryFilters([WahanaDbContext.MergedFilter])
            .Where(b => b.Id == personId && (b.MergedIntoId == null || !IsNew))
            .Select(b => new { b.Id, b.Name, b.InstitutionId, b.RegisteredOn, b.ErasedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (person is null || IsNew && person.ErasedAt is not null)
        {
            return false;
        }
        var institutionId = IsNew
            ? db.CurrentUser.Scope.InstitutionId ?? person.InstitutionId
            : await db.Services.AsNoTracking().Where(s => s.Id == Id).Select(s => s.InstitutionId).SingleAsync(cancellationToken);
        var institutionName = await db.Institutions.AsNoTracking().Where(i => i.Id == institutionId).Select(i => i.Name)
            .SingleOrDefaultAsync(cancellationToken);
        Person = new PersonSummary(person.Id, person.Name, institutionId, institutionName ?? "", person.RegisteredOn);
        var chosen = Input.VolunteerIds;
        var volunteers = await db.Volunteers.AsNoTracking()
            .Where(v => v.InstitutionId == institutionId && (v.IsActive || chosen.Contains(v.Id)))
            .OrderBy(v => v.Name).Select(v => new { v.Id, v.Name }).ToListAsync(cancellationToken);
        Volunteers = [.. volunteers.Select(v => (v.Id, v.Name))];
        var partners = await db.Partners.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        Partners = [.. partners.Select(p => (p.Id, p.Name))];
        AsksLargeValueConfirmation = Input.ConfirmLargeValue
            || ModelState[$"Input.{nameof(ServiceInput.Value)}"]?.Errors.Any(e => e.ErrorMessage.Contains("centang konfirmasi", StringComparison.Ordinal)) == true;
        return true;
    }
}
