namespace Wahana.Web.Domain;

public enum DocumentKind
{
    SkPengesahan,
    AdArt,
    ProgramKerja,
    Laporan,
    Lainnya,
}

/// <summary>A file of a WKSBM (the SK decree, statutes, ...), stored outside wwwroot and served within scope only.</summary>
public sealed class InstitutionDocument
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid InstitutionId { get; set; }

    public string RegencyCode { get; set; } = "";

    public DocumentKind Kind { get; set; }

    public required string Title { get; set; }

    /// <summary>The name the file had on the uploader's device (shown, never used as a path).</summary>
    public required string OriginalFileName { get; set; }

    /// <summary>application/pdf, image/jpeg or image/png, as read from the content.</summary>
    public required string ContentType { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>SHA-256 of the content, hex.</summary>
    public required string Sha256 { get; set; }

    public DateTimeOffset UploadedAt { get; init; } = DateTimeOffset.UtcNow;

    public string UploadedBy { get; set; } = "";

    public static string KindName(DocumentKind kind) => kind switch
    {
        DocumentKind.SkPengesahan => "SK pengesahan",
        DocumentKind.AdArt => "AD/ART",
        DocumentKind.ProgramKerja => "Program kerja",
        DocumentKind.Laporan => "Laporan",
        _ => "Lainnya",
    };
}
