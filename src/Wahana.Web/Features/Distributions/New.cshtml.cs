using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Web.Features.Distributions;

/// <summary>
/// A new group distribution (/kegiatan/baru): the activity, its value, the volunteers, and the recipients ticked
/// from the WKSBM's active beneficiaries (filtered by htmx without losing what is ticked). Saving creates the
/// activity and one service per recipient at once (<see cref="DistributionRecorder"/>).
/// </summary>
[Authorize(Policy = WahanaPolicies.PersonalData)]
public sealed class NewModel(WahanaDbContext db, TimeProvider clock) : PageModel
{
    public const string PerPerson = "per-orang";

    public const string Total = "total";

    public sealed class DistributionForm
    {
        public Guid? InstitutionId { get; set; }

        public string? Title { get; set; }

        public DateOnly? Date { get; set; }

        public string? Kind { get; set; } = Slug.Of(ServiceKind.Santunan);

        public string? Form { get; set; } = Slug.Of(ServiceForm.Barang);

        public string? FundingSource { get; set; } = Slug.Of(Domain.FundingSource.Swadaya);

        public Guid? PartnerId { get; set; }

        /// <summary>"per-orang" (the value typed is each person's) or "total" (split evenly).</summary>
        public string ValueMode { get; set; } = PerPerson;

        public string? Value { get; set; }

        public List<Guid> RecipientIds { get; set; } = [];

        public List<Guid> VolunteerIds { get; set; } = [];

        public string? Notes { get; set; }

        public bool ConfirmLargeValue { get; set; }
    }

    [BindProperty]
    public DistributionForm Input { get; set; } = new();

    public Institution? Institution { get; private set; }

    /// <summary>The WKSBM an officer chooses from, before the form.</summary>
    public IReadOnlyList<(Guid Id, string Name)> InstitutionChoices { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Volunteers { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Partners { get; private set; } = [];

    public RecipientCandidates Candidates { get; private set; } = null!;

    /// <summary>Shows the large-value confirmation (after the rule asked for it, or once ticked).</summary>
    public bool AsksLargeValueConfirmation { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] Guid? wksbm, CancellationToken cancellationToken)
    {
        if (!DistributionRecorder.MayRecord(db.CurrentUser.Role))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Input.Date = Wib.Today(clock);
        Input.InstitutionId = db.CurrentUser.Scope.InstitutionId ?? wksbm;
        if (!await PrepareAsync(RecipientFilter(), cancellationToken))
        {
            return db.CurrentUser.Scope.InstitutionId is null && wksbm is not null ? NotFound() : Page();
        }
        // A volunteer who signs in usually took part: ticked for them.
        if (db.CurrentUser.Id is { } userId)
        {
            var own = await db.Volunteers.AsNoTracking().Where(v => v.UserId == userId && v.InstitutionId == Institution!.Id && v.IsActive)
                .Select(v => v.Id).ToListAsync(cancellationToken);
            Input.VolunteerIds.AddRange(own);
        }
        return Page();
    }

    /// <summary>The candidate list (htmx): the filter, with every ticked person kept.</summary>
    public async Task<IActionResult> OnGetCandidatesAsync(
        [FromQuery(Name = "Input.InstitutionId")] Guid? institutionId,
        [FromQuery(Name = "Input.RecipientIds")] List<Guid> ticked,
        CancellationToken cancellationToken)
    {
        if (!DistributionRecorder.MayRecord(db.CurrentUser.Role))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var id = db.CurrentUser.Scope.InstitutionId ?? institutionId;
        if (id is null || !await db.Institutions.AnyAsync(i => i.Id == id, cancellationToken))
        {
            return NotFound();
        }
        Input.RecipientIds = ticked;
        var candidates = await RecipientCandidates.LoadAsync(db, id.Value, ticked, RecipientFilter(), Wib.Today(clock), cancellationToken);
        return Partial("_Candidates", candidates);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!DistributionRecorder.MayRecord(db.CurrentUser.Role))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        long? value = null;
        var valueField = Input.ValueMode == Total ? nameof(DistributionRecorder.Request.TotalValue) : nameof(DistributionRecorder.Request.ValuePerPerson);
        var valueUnreadable = false;
        if (!string.IsNullOrWhiteSpace(Input.Value))
        {
            if (Rupiah.TryParse(Input.Value, out var parsed))
            {
                value = parsed;
            }
            else
            {
                valueUnreadable = true;
            }
        }
        ModelState.Clear();
        var request = new DistributionRecorder.Request(
            Input.InstitutionId, Input.Title, Input.Date, Input.Kind, Input.Form, Input.FundingSource, Input.PartnerId,
            Input.ValueMode == Total ? null : value, Input.ValueMode == Total ? value : null,
            Input.RecipientIds, Input.VolunteerIds, Input.Notes, Input.ConfirmLargeValue);
        if (valueUnreadable)
        {
            ModelState.AddModelError("Input.Value", Rupiah.ParseMessage);
        }
        else
        {
            var result = await DistributionRecorder.SaveAsync(db, request, Wib.Today(clock), cancellationToken);
            if (result.Outcome == DistributionRecorder.Outcome.Forbidden)
            {
                return StatusCode(StatusCodes.Status403Forbidden);
            }
            if (result.Outcome == DistributionRecorder.Outcome.Saved)
            {
                var saved = result.Distribution!;
                TempData["Message"] = $"Kegiatan \"{saved.Name}\" tersimpan: {result.Recipients} penerima, {Rupiah.Format(saved.ValuePerPerson * result.Recipients)}.";
                return LocalRedirect($"/kegiatan/{saved.Id}");
            }
            foreach (var error in result.Errors)
            {
                var key = error.Field switch
                {
                    "" => "",
                    nameof(DistributionRecorder.Request.ValuePerPerson) or nameof(DistributionRecorder.Request.TotalValue) => "Input.Value",
                    _ => "Input." + error.Field,
                };
                ModelState.AddModelError(key, error.Message);
                AsksLargeValueConfirmation |= error.Field == valueField && error.Message.Contains("konfirmasi", StringComparison.Ordinal);
            }
        }
        AsksLargeValueConfirmation |= Input.ConfirmLargeValue;
        if (!await PrepareAsync(RecipientFilter(), cancellationToken))
        {
            return NotFound();
        }
        return Page();
    }

    private RecipientCandidates.Filter RecipientFilter()
    {
        var source = Request.HasFormContentType ? (IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>>)Request.Form : Request.Query;
        var values = source.ToDictionary(p => p.Key, p => p.Value.FirstOrDefault()?.Trim(), StringComparer.Ordinal);
        string? Read(string key) => values.GetValueOrDefault(key) is { Length: > 0 } value ? value : null;
        return new(Read("kategori"), Read("padukuhan"), Read("belum-dilayani") is "1", Read("cari"), Read("semua") is "1");
    }

    /// <summary>Loads what the form shows; false when the WKSBM is not in the user's scope (or not chosen yet).</summary>
    private async Task<bool> PrepareAsync(RecipientCandidates.Filter filter, CancellationToken cancellationToken)
    {
        var id = db.CurrentUser.Scope.InstitutionId ?? Input.InstitutionId;
        Institution = id is null ? null : await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (Institution is null)
        {
            var choices = await db.Institutions.AsNoTracking().OrderBy(i => i.Name).Select(i => new { i.Id, i.Name }).ToListAsync(cancellationToken);
            InstitutionChoices = [.. choices.Select(i => (i.Id, i.Name))];
            return false;
        }
        Input.InstitutionId = Institution.Id;
        var volunteers = await db.Volunteers.AsNoTracking().Where(v => v.InstitutionId == Institution.Id && v.IsActive)
            .OrderBy(v => v.Name).Select(v => new { v.Id, v.Name }).ToListAsync(cancellationToken);
        Volunteers = [.. volunteers.Select(v => (v.Id, v.Name))];
        var partners = await db.Partners.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        Partners = [.. partners.Select(p => (p.Id, p.Name))];
        Candidates = await RecipientCandidates.LoadAsync(db, Institution.Id, Input.RecipientIds, filter with { SelectAll = false }, Wib.Today(clock), cancellationToken);
        return true;
    }
}
