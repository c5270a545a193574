namespace Wahana.Web.Domain;

/// <summary>Where a WKSBM refers a person (tujuan rujukan).</summary>
public enum ReferralDestination
{
    /// <summary>The district social office (Dinas Sosial kabupaten/kota) of the person's WKSBM.</summary>
    DinasKabupaten,

    /// <summary>A provincial centre of Dinas Sosial DIY (BRSPA, BPRSR, BPSTW, ...), handled by the province.</summary>
    BalaiProvinsi,

    Puskesmas,

    /// <summary>Another WKSBM (<see cref="Referral.DestinationInstitutionId"/>).</summary>
    Wksbm,

    Lainnya,
}

public enum ReferralUrgency
{
    Biasa,
    Segera,
    Darurat,
}

/// <summary>Dikirim → Diterima → Ditangani → Selesai, or Ditolak (see <see cref="Referral.AllowedNext"/>).</summary>
public enum ReferralStatus
{
    Dikirim,
    Diterima,
    Ditangani,
    Selesai,
    Ditolak,
}

/// <summary>A referral (rujukan) of one person from a WKSBM to where the need can be met, followed up to its end.</summary>
public sealed class Referral
{
    public const int DefaultOverdueDays = 14;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid BeneficiaryId { get; set; }

    /// <summary>The referring WKSBM.</summary>
    public Guid InstitutionId { get; set; }

    /// <summary>The kabupaten/kota of the referring WKSBM; kept as a column for access scope.</summary>
    public string RegencyCode { get; set; } = "";

    public ReferralDestination Destination { get; set; }

    /// <summary>The receiving WKSBM, when <see cref="Destination"/> is <see cref="ReferralDestination.Wksbm"/>.</summary>
    public Guid? DestinationInstitutionId { get; set; }

    /// <summary>The receiving WKSBM's kabupaten/kota, so its district office sees the referral too.</summary>
    public string? DestinationRegencyCode { get; set; }

    /// <summary>The named place: "BRSPA", "Puskesmas Sewon I", the name of another body.</summary>
    public string DestinationName { get; set; } = "";

    public string Reason { get; set; } = "";

    public ReferralUrgency Urgency { get; set; }

    public ReferralStatus Status { get; set; } = ReferralStatus.Dikirim;

    public DateOnly SentOn { get; set; }

    public string SentBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>When the status last changed (or the referral was sent): the clock of "overdue".</summary>
    public DateTimeOffset StatusChangedAt { get; set; } = DateTimeOffset.UtcNow;

    public List<ReferralStatusChange> Changes { get; set; } = [];

    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsClosed => Status is ReferralStatus.Selesai or ReferralStatus.Ditolak;

    public bool IsOverdue(DateTimeOffset now, int overdueDays) => !IsClosed && StatusChangedAt < now.AddDays(-overdueDays);

    /// <summary>The statuses a referral may move to from <paramref name="status"/>.</summary>
    public static IReadOnlyList<ReferralStatus> AllowedNext(ReferralStatus status) => status switch
    {
        ReferralStatus.Dikirim => [ReferralStatus.Diterima, ReferralStatus.Ditolak],
        ReferralStatus.Diterima => [ReferralStatus.Ditangani, ReferralStatus.Ditolak],
        ReferralStatus.Ditangani => [ReferralStatus.Selesai],
        _ => [],
    };

    public IReadOnlyList<RuleViolation> Validate(DateOnly today)
    {
        var errors = new List<RuleViolation>();
        if (BeneficiaryId == Guid.Empty)
        {
            errors.Add(new(nameof(BeneficiaryId), "Pilih penerima manfaat yang dirujuk."));
        }
        if (string.IsNullOrWhiteSpace(Reason))
        {
            errors.Add(new(nameof(Reason), "Tuliskan alasan rujukan."));
        }
        else if (Reason.Length > 2000)
        {
            errors.Add(new(nameof(Reason), "Alasan rujukan paling banyak 2.000 karakter."));
        }
        if (Destination == ReferralDestination.Wksbm && DestinationInstitutionId is null)
        {
            errors.Add(new(nameof(DestinationInstitutionId), "Pilih WKSBM tujuan rujukan."));
        }
        if (Destination == ReferralDestination.Wksbm && DestinationInstitutionId == InstitutionId)
        {
            errors.Add(new(nameof(DestinationInstitutionId), "WKSBM tujuan tidak boleh WKSBM perujuk sendiri."));
        }
        if (Destination is ReferralDestination.BalaiProvinsi or ReferralDestination.Puskesmas or ReferralDestination.Lainnya
            && string.IsNullOrWhiteSpace(DestinationName))
        {
            errors.Add(new(nameof(DestinationName), "Tuliskan nama tempat tujuan rujukan."));
        }
        if (DestinationName.Length > 200)
        {
            errors.Add(new(nameof(DestinationName), "Nama tujuan paling banyak 200 karakter."));
        }
        if (SentOn > today)
        {
            errors.Add(new(nameof(SentOn), "Tanggal rujukan tidak boleh di masa depan."));
        }
        return errors;
    }
}

/// <summary>One step of a referral's follow-up, with the receiving side's note.</summary>
public sealed class ReferralStatusChange
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ReferralId { get; set; }

    public ReferralStatus From { get; set; }

    public ReferralStatus To { get; set; }

    public string Note { get; set; } = "";

    public string ChangedBy { get; set; } = "";

    public DateTimeOffset ChangedAt { get; init; } = DateTimeOffset.UtcNow;
}
