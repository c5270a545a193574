namespace Wahana.Web.Domain;

/// <summary>One change of a beneficiary's status (moved, deceased, no longer in need, active again), kept as history.</summary>
public sealed class BeneficiaryStatusChange
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid BeneficiaryId { get; set; }

    public BeneficiaryStatus Status { get; set; }

    /// <summary>The day the change took effect (the day of moving or death), not the day it was recorded.</summary>
    public DateOnly EffectiveOn { get; set; }

    public string Note { get; set; } = "";

    public string ChangedBy { get; set; } = "";

    public DateTimeOffset ChangedAt { get; init; } = DateTimeOffset.UtcNow;
}

/// <summary>
/// Two records that may be one person, as the matcher scored them, and what a person decided about them.
/// <see cref="FirstId"/> sorts before <see cref="SecondId"/>, so a pair is stored once.
/// </summary>
public sealed class DuplicatePair
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid FirstId { get; set; }

    public Guid SecondId { get; set; }

    /// <summary>The matcher's score from 0 (nothing alike) to 1 (certainly the same person).</summary>
    public double Score { get; set; }

    /// <summary>What matched, for people to read ("nama mirip 0,96; tanggal lahir sama").</summary>
    public string Reasons { get; set; } = "";

    public DateTimeOffset FoundAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Null while the pair waits in the review queue.</summary>
    public DuplicateDecision? Decision { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? Note { get; set; }

    public static (Guid First, Guid Second) Order(Guid a, Guid b) => a.CompareTo(b) < 0 ? (a, b) : (b, a);
}

/// <summary>
/// A WKSBM asks the WKSBM that holds a person's record to serve that person together (layanan bersama),
/// instead of registering the person a second time.
/// </summary>
public sealed class ServiceShareRequest
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid BeneficiaryId { get; set; }

    public Guid HolderInstitutionId { get; set; }

    public string HolderRegencyCode { get; set; } = "";

    public Guid RequestingInstitutionId { get; set; }

    public string RequesterRegencyCode { get; set; } = "";

    public string Note { get; set; } = "";

    public ShareRequestStatus Status { get; set; } = ShareRequestStatus.Diajukan;

    public string RequestedBy { get; set; } = "";

    public DateTimeOffset RequestedAt { get; init; } = DateTimeOffset.UtcNow;

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecisionNote { get; set; }
}
