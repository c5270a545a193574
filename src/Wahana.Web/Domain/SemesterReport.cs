namespace Wahana.Web.Domain;

/// <summary>Where a semester report stands: Draft → Diajukan → Disetujui, or Dikembalikan for correction.</summary>
public enum ReportStatus
{
    Draft,
    Diajukan,
    Dikembalikan,
    Disetujui,
}

/// <summary>
/// A WKSBM's report for one semester (laporan semester). An approved report locks that semester's services of
/// the WKSBM. (The report's figures, narrative and review workflow belong to the reports capability.)
/// </summary>
public sealed class SemesterReport
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid InstitutionId { get; set; }

    /// <summary>The kabupaten/kota of the WKSBM; kept as a column for access scope.</summary>
    public string RegencyCode { get; set; } = "";

    public int Year { get; set; }

    /// <summary>1 (January-June) or 2 (July-December).</summary>
    public int Half { get; set; }

    public ReportStatus Status { get; set; } = ReportStatus.Draft;

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public Guid Version { get; set; } = Guid.NewGuid();

    public Semester Semester => new(Year, Half);

    public bool LocksServices => Status == ReportStatus.Disetujui;
}
