using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Referrals;

/// <summary>One referral (/rujukan/{id}): the person, where they were referred and why, the status history, and the status form.</summary>
[Authorize(Policy = WahanaPolicies.PersonalData)]
public sealed class DetailModel(WahanaDbContext db, TimeProvider clock, IOptionsSnapshot<ReferralOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Referral Referral { get; private set; } = null!;

    public ReferralPerson? Person { get; private set; }

    public string InstitutionName { get; private set; } = "";

    public IReadOnlyList<ReferralStatusChange> History { get; private set; } = [];

    public bool MayChange { get; private set; }

    public bool Overdue { get; private set; }

    public int OverdueDays => options.Value.OverdueDays;

    [BindProperty]
    public ReferralStatusInput StatusInput { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStatusAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (!MayChange)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var result = ReferralStatusUpdate.Apply(Referral, StatusInput, db.CurrentUser.Name, clock.GetUtcNow());
        if (result.Outcome == ReferralStatusUpdate.Outcome.Changed)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                TempData["Message"] = $"Status rujukan diubah menjadi {ReferralText.StatusName(Referral.Status).ToLowerInvariant()}.";
                return LocalRedirect($"/rujukan/{Id}#status");
            }
            catch (DbUpdateConcurrencyException)
            {
                result = new(ReferralStatusUpdate.Outcome.Stale, [new("", ReferralStatusUpdate.StaleMessage)]);
            }
        }
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field.Length == 0 ? nameof(StatusInput) : $"{nameof(StatusInput)}.{error.Field}", error.Message);
        }
        // Show what is stored now, not what was refused.
        db.ChangeTracker.Clear();
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.Include(r => r.Changes).SingleOrDefaultAsync(r => r.Id == Id, cancellationToken);
        if (referral is null)
        {
            return false;
        }
        Referral = referral;
        var now = clock.GetUtcNow();
        Person = await ReferralPerson.OfAsync(db, referral, Wib.Today(clock), cancellationToken);
        var names = await ReferralQuery.InstitutionNamesAsync(db, [referral.InstitutionId], cancellationToken);
        InstitutionName = names.GetValueOrDefault(referral.InstitutionId, "");
        History = [.. referral.Changes.OrderBy(c => c.ChangedAt)];
        MayChange = ReferralRules.MayChangeStatus(db.CurrentUser, referral);
        Overdue = referral.IsOverdue(now, OverdueDays);
        return true;
    }
}
