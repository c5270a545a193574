using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Infrastructure;

namespace Wahana.Web.Features.Assessments;

/// <summary>
/// One semester's assessment of a WKSBM: the board fills in its self-assessment, the district office or the
/// province admin verifies or corrects it (or assesses directly); everyone else who sees the WKSBM reads it.
/// </summary>
public sealed class EditModel(WahanaDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Half { get; set; }

    [BindProperty]
    public AssessmentInput Input { get; set; } = new();

    public string InstitutionName { get; private set; } = "";

    public string RegencyName { get; private set; } = "";

    public IReadOnlyList<AssessmentIndicator> Indicators { get; private set; } = [];

    /// <summary>All indicators, active or not, for showing the points of a stored assessment.</summary>
    public IReadOnlyList<AssessmentIndicator> AllIndicators { get; private set; } = [];

    public Assessment? Existing { get; private set; }

    public AssessmentRight Right { get; private set; }

    public bool HasStarted { get; private set; }

    /// <summary>A refusal or a concurrent change to tell the user about.</summary>
    public string? Message { get; private set; }

    public bool IsLocked => Right == AssessmentRight.SelfAssess && Existing?.Status == AssessmentStatus.Diverifikasi;

    public bool CanWrite => Right != AssessmentRight.Read && HasStarted && !IsLocked;

    public string HistoryUrl => $"/wksbm/{Id}/penilaian";

    public sealed class AssessmentInput
    {
        /// <summary>Indicator id to the chosen points; anything but 1-4 is refused by the domain rules.</summary>
        public Dictionary<int, string?> Points { get; set; } = [];

        public string? Notes { get; set; }

        public Guid Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (!HasStarted)
        {
            ModelState.AddModelError("", "Semester penilaian harus semester yang sudah berjalan.");
        }
        FillInput();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (Right == AssessmentRight.Read)
        {
            return Forbid();
        }
        var points = new Dictionary<int, int>();
        foreach (var (indicatorId, value) in Input.Points)
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var p))
            {
                points[indicatorId] = p;
            }
        }
        var entry = new AssessmentEntry(Year, Half, points, Input.Notes, Input.Version);
        var result = await new AssessmentWriter(db, clock).SaveAsync(Id, entry, [], cancellationToken);
        switch (result.Outcome)
        {
            case SaveOutcome.NotFound:
                return NotFound();
            case SaveOutcome.Forbidden:
                return Forbid();
            case SaveOutcome.Created or SaveOutcome.Updated:
                var saved = result.Assessment!;
                TempData["Message"] = $"Penilaian {AssessmentText.SemesterName(Year, Half)} disimpan: nilai {AssessmentText.Score(saved.Score)}, tingkat {saved.Level}.";
                return LocalRedirect(HistoryUrl);
            case SaveOutcome.Locked:
                Existing = result.Assessment;
                Message = result.Message;
                FillInput();
                return Page();
            case SaveOutcome.Conflict:
                // Keep what this user chose; the new version lets them save it over the other change on purpose.
                Existing = result.Assessment;
                Message = result.Message + " Nilai yang Anda pilih masih ada di formulir; periksa lalu simpan lagi bila tetap ingin menggantinya.";
                Input.Version = result.Assessment!.Version;
                ModelState.Remove("Input.Version");
                return Page();
            default:
                if (result.Errors!.Any(e => e.Field.StartsWith("Scores[", StringComparison.Ordinal)))
                {
                    ModelState.AddModelError("", "Penilaian belum disimpan: periksa pesan pada indikator yang ditandai merah.");
                }
                foreach (var error in result.Errors!)
                {
                    var key = error.Field switch
                    {
                        nameof(Assessment.Year) => "",
                        nameof(Assessment.Notes) => "Input.Notes",
                        _ => "Input." + error.Field.Replace("Scores[", "Points[", StringComparison.Ordinal),
                    };
                    ModelState.AddModelError(key, error.Message);
                }
                return Page();
        }
    }

    public string? ErrorOf(string key) => ModelState.TryGetValue(key, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var institution = await db.Institutions.AsNoTracking().Where(i => i.Id == Id)
            .Select(i => new { i.Name, i.RegencyCode }).SingleOrDefaultAsync(cancellationToken);
        if (institution is null)
        {
            return false;
        }
        InstitutionName = institution.Name;
        RegencyName = RegionCatalog.Instance.RegencyName(institution.RegencyCode);
        AllIndicators = await db.AssessmentIndicators.AsNoTracking().OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToListAsync(cancellationToken);
        Indicators = [.. AllIndicators.Where(i => i.IsActive)];
        Existing = await db.Assessments.AsNoTracking().Include(a => a.Scores)
            .SingleOrDefaultAsync(a => a.InstitutionId == Id && a.Year == Year && a.Half == Half, cancellationToken);
        Right = AssessmentWriter.RightOf(db.CurrentUser.Role);
        HasStarted = AssessmentText.HasStarted(Year, Half, Wib.Today(clock));
        return true;
    }

    /// <summary>Prefills the form: the board sees its own points, an officer the verified points (else the board's).</summary>
    private void FillInput()
    {
        Input = new AssessmentInput { Notes = Existing?.Notes, Version = Existing?.Version ?? Guid.Empty };
        foreach (var score in Existing?.Scores ?? [])
        {
            var points = Right == AssessmentRight.SelfAssess ? score.SelfPoints : score.Points;
            Input.Points[score.IndicatorId] = points.ToString(CultureInfo.InvariantCulture);
        }
    }
}
