using System.Security.Claims;

namespace Wahana.Web.Features.BeneficiaryImport;

/// <summary>Where an import stands.</summary>
public enum ImportState
{
    /// <summary>Waiting for another import to finish (one runs at a time).</summary>
    Antre,

    /// <summary>The dry run: reading and checking every row.</summary>
    Memeriksa,

    /// <summary>Checked: the user sees the errors and chooses how to save.</summary>
    Diperiksa,

    /// <summary>Saving the rows in one transaction.</summary>
    Menyimpan,

    /// <summary>Saved.</summary>
    Selesai,

    /// <summary>The file as a whole could not be imported; nothing was saved.</summary>
    Gagal,
}

/// <summary>
/// One upload and what became of it, kept in memory by <see cref="ImportJobs"/> for its owner only. The background
/// work writes it; pages read it. Counters change while a pass runs; results are replaced whole when a pass ends.
/// </summary>
public sealed class ImportJob
{
    private int _processed;
    private volatile ImportState _state = ImportState.Antre;

    /// <summary>A random id (not a GUID v7): it appears in URLs and must not be guessable.</summary>
    public Guid Id { get; } = Guid.NewGuid();

    public required Guid OwnerId { get; init; }

    /// <summary>The uploading user, whose access scope the background work uses.</summary>
    public required ClaimsPrincipal Owner { get; init; }

    public required ImportTarget Target { get; init; }

    public required string FileName { get; init; }

    public required SourceFormat Format { get; init; }

    public required string SourcePath { get; init; }

    public required string SpillPath { get; init; }

    /// <summary>The number of data rows the file declares (xlsx dimension, CSV count), for the progress bar.</summary>
    public int? DeclaredRows { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public ImportState State
    {
        get => _state;
        set => _state = value;
    }

    /// <summary>Rows done in the pass that is running.</summary>
    public int Processed
    {
        get => Volatile.Read(ref _processed);
        set => Volatile.Write(ref _processed, value);
    }

    /// <summary>What the last pass found: the dry run's result, or after saving the rows left out.</summary>
    public RunResult? Result { get; set; }

    /// <summary>A message for the whole file or the last save attempt (Indonesian).</summary>
    public string? Message { get; set; }

    public int Saved { get; set; }

    public bool AllOrNothing { get; set; }

    public bool IsRunning => State is ImportState.Antre or ImportState.Memeriksa or ImportState.Menyimpan;

    /// <summary>The total for the progress text: the declared rows while checking, the checked rows while saving.</summary>
    public int? Total => State == ImportState.Menyimpan ? Result?.DataRows : DeclaredRows;
}
