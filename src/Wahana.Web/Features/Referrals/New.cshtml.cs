using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Referrals;

/// <summary>The referral form of one person (/penerima/{id}/rujuk): where to, why, how urgent, when.</summary>
[Authorize(Policy = WahanaPolicies.PersonalData)]
public sealed class NewModel(WahanaDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>The form's fields; one name field per kind of destination, so each keeps its own value.</summary>
    public sealed class ReferralForm
    {
        public string? Destination { get; set; }

        /// <summary>A centre's code from the pick list, or <see cref="OtherCentre"/> with <see cref="CentreName"/> typed.</summary>
        public string? CentreCode { get; set; }

        public string? CentreName { get; set; }

        public string? PuskesmasName { get; set; }

        public string? OtherName { get; set; }

        public Guid? DestinationInstitutionId { get; set; }

        public string? Reason { get; set; }

        public string? Urgency { get; set; }

        public DateOnly? SentOn { get; set; }
    }

    public const string OtherCentre = "lain";

    public sealed record InstitutionChoice(Guid Id, string Name, string RegencyCode);

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ReferralForm Form { get; set; } = new();

    public string PersonName { get; private set; } = "";

    public Guid InstitutionId { get; private set; }

    public string RegencyCode { get; private set; } = "";

    public DateOnly Today { get; private set; }

    /// <summary>Every WKSBM of DIY but the person's own, by name only: a referral may go anywhere in the province.</summary>
    public IReadOnlyList<InstitutionChoice> Institutions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        Form.SentOn = Today;
        Form.Urgency = Slug.Of(ReferralUrgency.Biasa);
        Form.Destination = Slug.Of(ReferralDestination.DinasKabupaten);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        var input = new ReferralInput
        {
            BeneficiaryId = Id,
            InstitutionId = InstitutionId,
            Destination = Form.Destination,
            DestinationName = Form.Destination switch
            {
                "balai-provinsi" => Form.CentreCode == OtherCentre || string.IsNullOrWhiteSpace(Form.CentreCode) ? Form.CentreName : Form.CentreCode,
                "puskesmas" => Form.PuskesmasName,
                "lainnya" => Form.OtherName,
                _ => null,
            },
            DestinationInstitutionId = Form.Destination == "wksbm" ? Form.DestinationInstitutionId : null,
            Reason = Form.Reason,
            Urgency = Form.Urgency,
            SentOn = Form.SentOn,
        };
        if (Form.SentOn is null)
        {
            ModelState.AddModelError("Form.SentOn", "Isi tanggal rujukan.");
            return Page();
        }
        var result = await ReferralCreation.CreateAsync(db, input, clock.GetUtcNow(), Today, cancellationToken);
        switch (result.Outcome)
        {
            case ReferralCreation.Outcome.Saved:
                TempData["Message"] = "Rujukan dikirim.";
                return LocalRedirect($"/rujukan/{result.Referral!.Id}");
            case ReferralCreation.Outcome.NotFound:
                return NotFound();
            case ReferralCreation.Outcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
        }
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(FieldOf(error.Field), error.Message);
        }
        return Page();
    }

    /// <summary>The form field a rule's message belongs next to.</summary>
    private string FieldOf(string field) => field switch
    {
        nameof(ReferralInput.DestinationName) => Form.Destination switch
        {
            "balai-provinsi" => "Form.CentreName",
            "puskesmas" => "Form.PuskesmasName",
            _ => "Form.OtherName",
        },
        nameof(ReferralInput.DestinationInstitutionId) or nameof(ReferralInput.Destination) or nameof(ReferralInput.Reason)
            or nameof(ReferralInput.Urgency) or nameof(ReferralInput.SentOn) => "Form." + field,
        _ => "",
    };

    /// <summary>Loads the person (404 out of scope) and the WKSBM choices; a result when the user may not refer.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        Today = Wib.Today(clock);
        var person = await db.Beneficiaries.AsNoTracking().Where(b => b.Id == Id && b.ErasedAt == null)
            .Select(b => new { b.Name, b.InstitutionId }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        if (!ReferralRules.MayRefer(db.CurrentUser.Role))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        PersonName = person.Name;
        InstitutionId = person.InstitutionId;
        // Names and kabupaten/kota of WKSBM are public facts; the user's institution scope does not limit where a person goes.
        var institutions = await db.Institutions.IgnoreQueryFilters().AsNoTracking()
            .OrderBy(i => i.RegencyCode).ThenBy(i => i.Name)
            .Select(i => new InstitutionChoice(i.Id, i.Name, i.RegencyCode)).ToListAsync(cancellationToken);
        RegencyCode = institutions.FirstOrDefault(i => i.Id == InstitutionId)?.RegencyCode ?? "";
        Institutions = [.. institutions.Where(i => i.Id != InstitutionId)];
        return null;
    }
}
