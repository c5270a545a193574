namespace Wahana.Web.Domain;

public enum StrengthLevel
{
    Tumbuh,
    Berkembang,
    Mandiri,
}

public enum AssessmentStatus
{
    /// <summary>Filled in by the WKSBM's board (self-assessment), not yet checked.</summary>
    Diajukan,

    /// <summary>Verified or corrected by the district officer.</summary>
    Diverifikasi,
}

/// <summary>An indicator of institutional strength, kept by the province admin, scored 1-4 with guidance per score.</summary>
public sealed class AssessmentIndicator
{
    public int Id { get; init; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>The relative weight; the weights of active indicators need not add up to 100.</summary>
    public int Weight { get; set; }

    public string Guidance1 { get; set; } = "";

    public string Guidance2 { get; set; } = "";

    public string Guidance3 { get; set; } = "";

    public string Guidance4 { get; set; } = "";

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;
}

/// <summary>The score thresholds of the levels: Tumbuh below <see cref="BerkembangFrom"/>, Mandiri from <see cref="MandiriFrom"/>.</summary>
public sealed class StrengthThresholds
{
    public int Id { get; init; } = 1;

    public int BerkembangFrom { get; set; } = 50;

    public int MandiriFrom { get; set; } = 75;

    public StrengthLevel LevelOf(decimal score) =>
        score >= MandiriFrom ? StrengthLevel.Mandiri : score >= BerkembangFrom ? StrengthLevel.Berkembang : StrengthLevel.Tumbuh;

    public IReadOnlyList<RuleViolation> Validate()
    {
        var errors = new List<RuleViolation>();
        if (BerkembangFrom is < 1 or > 99 || MandiriFrom is < 2 or > 100 || BerkembangFrom >= MandiriFrom)
        {
            errors.Add(new(nameof(BerkembangFrom), "Batas Berkembang harus di antara 1 dan 99 dan lebih kecil dari batas Mandiri (paling tinggi 100)."));
        }
        return errors;
    }
}

/// <summary>The institutional-strength assessment (penilaian kelembagaan) of one WKSBM for one semester.</summary>
public sealed class Assessment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid InstitutionId { get; set; }

    public string RegencyCode { get; set; } = "";

    public int Year { get; set; }

    public int Half { get; set; }

    public AssessmentStatus Status { get; set; }

    public List<AssessmentScore> Scores { get; init; } = [];

    /// <summary>The weighted score out of 100 of the scores in force (verified where verified).</summary>
    public decimal Score { get; set; }

    public StrengthLevel Level { get; set; }

    public string? Notes { get; set; }

    public string SubmittedBy { get; set; } = "";

    public DateTimeOffset SubmittedAt { get; set; } = DateTimeOffset.UtcNow;

    public string? VerifiedBy { get; set; }

    public DateTimeOffset? VerifiedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public Semester Semester => new(Year, Half);

    /// <summary>
    /// Score = sum(weight x points) / sum(weight x 4) x 100 over the indicators, rounded to one decimal,
    /// and the level from the thresholds.
    /// </summary>
    public void Compute(IReadOnlyList<AssessmentIndicator> indicators, StrengthThresholds thresholds)
    {
        var weights = indicators.ToDictionary(i => i.Id, i => i.Weight);
        var scored = Scores.Where(s => weights.ContainsKey(s.IndicatorId)).ToList();
        var maximum = scored.Sum(s => weights[s.IndicatorId] * 4m);
        Score = maximum == 0 ? 0 : Math.Round(scored.Sum(s => weights[s.IndicatorId] * (decimal)s.Points) / maximum * 100, 1);
        Level = thresholds.LevelOf(Score);
    }

    public IReadOnlyList<RuleViolation> Validate(IReadOnlyList<AssessmentIndicator> indicators, DateOnly today)
    {
        var errors = new List<RuleViolation>();
        if (Half is not (1 or 2) || Year is < 2000 or > 9999 || Semester.Start > today)
        {
            errors.Add(new(nameof(Year), "Semester penilaian harus semester yang sudah berjalan."));
        }
        foreach (var indicator in indicators.Where(i => i.IsActive))
        {
            var score = Scores.FirstOrDefault(s => s.IndicatorId == indicator.Id);
            if (score is null || score.SelfPoints is < 1 or > 4 || score.VerifiedPoints is < 1 or > 4)
            {
                errors.Add(new($"Scores[{indicator.Id}]", $"Beri nilai 1-4 untuk indikator \"{indicator.Name}\"."));
            }
        }
        return errors;
    }

    public static string LevelName(StrengthLevel level) => level.ToString();
}

/// <summary>The points (1-4) of one indicator in an assessment: the board's own, and the officer's where verified.</summary>
public sealed class AssessmentScore
{
    public Guid AssessmentId { get; set; }

    public int IndicatorId { get; set; }

    public int SelfPoints { get; set; }

    public int? VerifiedPoints { get; set; }

    public int Points => VerifiedPoints ?? SelfPoints;
}
