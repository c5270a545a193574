namespace Wahana.Web.Domain;

/// <summary>Where a semester report stands: Draft → Diajukan → Disetujui, or Dikembalikan for correction.</summary>
public enum ReportStatus
{
    Draft,
    Diajukan,
    Dikembalikan,
    Disetujui,
}

/// <summary>One step of a report's review: what was done, by whom, when, and why.</summary>
public enum ReportAction
{
    /// <summary>Submitted (or resubmitted) by the WKSBM's board.</summary>
    Diajukan,

    /// <summary>Approved by the district officer: the semester's services are locked.</summary>
    Disetujui,

    /// <summary>Returned by the district officer with comments, to be corrected and resubmitted.</summary>
    Dikembalikan,

    /// <summary>An approved report reopened by the district officer with a reason: the services are unlocked.</summary>
    DibukaKembali,
}

/// <summary>
/// A WKSBM's report for one semester (laporan semester): figures compiled from its records (recomputed while it is
/// a draft or returned, frozen in <see cref="SubmittedFigures"/> when submitted) and its own narrative. An approved
/// report locks that semester's services of the WKSBM (<see cref="Data.SemesterLocks"/>).
/// </summary>
public sealed class SemesterReport
{
    public const int NarrativeMaxLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid InstitutionId { get; set; }

    /// <summary>The kabupaten/kota of the WKSBM; kept as a column for access scope.</summary>
    public string RegencyCode { get; set; } = "";

    public int Year { get; set; }

    /// <summary>1 (January-June) or 2 (July-December).</summary>
    public int Half { get; set; }

    public ReportStatus Status { get; set; } = ReportStatus.Draft;

    /// <summary>Capaian: what the WKSBM achieved this semester.</summary>
    public string Achievements { get; set; } = "";

    /// <summary>Kendala: the obstacles it met.</summary>
    public string Obstacles { get; set; } = "";

    /// <summary>Rencana: its plans for the next semester.</summary>
    public string Plans { get; set; } = "";

    /// <summary>The figures as submitted (JSON), frozen at each submission; null while never submitted.</summary>
    public string? SubmittedFigures { get; set; }

    /// <summary>The first submission: whether the report came in on time is judged by it.</summary>
    public DateTimeOffset? FirstSubmittedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public string? SubmittedBy { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public string? ApprovedBy { get; set; }

    public List<SemesterReportStep> Steps { get; set; } = [];

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public Guid Version { get; set; } = Guid.NewGuid();

    public Semester Semester => new(Year, Half);

    public bool LocksServices => Status == ReportStatus.Disetujui;

    /// <summary>Figures are compiled from the records until the report is submitted, and again when it is returned.</summary>
    public bool FiguresAreLive => Status is ReportStatus.Draft or ReportStatus.Dikembalikan;
}

/// <summary>One step of a report's history.</summary>
public sealed class SemesterReportStep
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ReportId { get; set; }

    public ReportAction Action { get; set; }

    /// <summary>The comment of a return, the reason of a reopening (required for both), or a note.</summary>
    public string Note { get; set; } = "";

    public string By { get; set; } = "";

    public DateTimeOffset At { get; init; } = DateTimeOffset.UtcNow;
}
