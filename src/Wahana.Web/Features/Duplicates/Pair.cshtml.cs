using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Duplicates;

/// <summary>One likely duplicate pair side by side, with the two decisions: not the same person, or merge.</summary>
[Authorize(Policy = WahanaPolicies.RegistryReview)]
public sealed class PairModel(WahanaDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>Why the two are different people.</summary>
    [BindProperty]
    public string? Note { get; set; }

    /// <summary>The record to keep when merging.</summary>
    [BindProperty]
    public Guid? KeepId { get; set; }

    [BindProperty]
    public string? MergeNote { get; set; }

    public ReviewQuery.Row Row { get; private set; } = null!;

    /// <summary>Set when the pair was decided by someone else meanwhile.</summary>
    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostDifferentAsync(CancellationToken cancellationToken) =>
        DecideAsync(new DuplicateDecisions.Request(DuplicateDecision.BedaOrang, null, Note), nameof(Note), cancellationToken);

    public Task<IActionResult> OnPostMergeAsync(CancellationToken cancellationToken) =>
        DecideAsync(new DuplicateDecisions.Request(DuplicateDecision.Digabung, KeepId, MergeNote), nameof(MergeNote), cancellationToken);

    private async Task<IActionResult> DecideAsync(DuplicateDecisions.Request request, string noteField, CancellationToken cancellationToken)
    {
        var result = await DuplicateDecisions.DecideAsync(db, Id, request, clock, cancellationToken);
        switch (result.Outcome)
        {
            case DuplicateDecisions.Outcome.NotFound:
                return NotFound();
            case DuplicateDecisions.Outcome.Done:
                TempData["Message"] = request.Decision == DuplicateDecision.BedaOrang
                    ? "Keputusan dicatat: keduanya bukan orang yang sama."
                    : "Kedua catatan digabung; layanan dan riwayatnya kini ada pada catatan yang dipertahankan.";
                return LocalRedirect("/penerima/duplikat");
            case DuplicateDecisions.Outcome.AlreadyDecided:
                Conflict = result.Message;
                break;
            default:
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError(error.Field == "Note" ? noteField : error.Field, error.Message);
                }
                break;
        }
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var pair = await ReviewQuery.Pairs(db).AsNoTracking().SingleOrDefaultAsync(p => p.Id == Id, cancellationToken);
        if (pair is null)
        {
            return false;
        }
        var sides = await ReviewQuery.SidesAsync(db, [pair.FirstId, pair.SecondId], cancellationToken);
        if (!sides.ContainsKey(pair.FirstId) || !sides.ContainsKey(pair.SecondId))
        {
            return false;
        }
        Row = ReviewQuery.RowOf(pair, sides);
        return true;
    }
}
