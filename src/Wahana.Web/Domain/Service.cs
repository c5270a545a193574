namespace Wahana.Web.Domain;

/// <summary>One service given to one beneficiary by a WKSBM (layanan).</summary>
public sealed class Service
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid BeneficiaryId { get; set; }

    public Beneficiary? Beneficiary { get; set; }

    public Guid InstitutionId { get; set; }

    public Institution? Institution { get; set; }

    /// <summary>The kabupaten/kota of the WKSBM; kept as a column for access scope.</summary>
    public string RegencyCode { get; set; } = "";

    /// <summary>The group distribution this service was part of, if any.</summary>
    public Guid? DistributionId { get; set; }

    public DateOnly Date { get; set; }

    public ServiceKind Kind { get; set; }

    public ServiceForm Form { get; set; }

    /// <summary>Value in whole rupiah (cash, or the estimated value of goods and services).</summary>
    public long ValueRupiah { get; set; }

    public FundingSource FundingSource { get; set; }

    /// <summary>The partner (mitra) who funded it, for donations and CSR.</summary>
    public Guid? PartnerId { get; set; }

    public string? Notes { get; set; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The user name of whoever recorded it (a volunteer, a pengurus, an officer).</summary>
    public string RecordedBy { get; set; } = "";

    /// <summary>The stored proof photo (a file name in the photo store, re-encoded without metadata), if any.</summary>
    public string? PhotoFile { get; set; }

    /// <summary>The volunteers who took part (relawan terlibat).</summary>
    public List<ServiceVolunteer> Volunteers { get; set; } = [];

    /// <summary>Set when the service was deleted: it is kept, hidden by a named query filter, with why and by whom.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    public string? DeletedBy { get; set; }

    public string? DeletionReason { get; set; }

    /// <summary>A value above this, for one person in one service, must be confirmed as intended.</summary>
    public const long ConfirmValueAbove = 100_000_000;

    public Semester Semester => Semester.Of(Date);

    /// <summary>
    /// The rules of one service. <paramref name="registeredOn"/> is the person's registration day, when known;
    /// <paramref name="largeValueConfirmed"/> is the user's confirmation of a value above <see cref="ConfirmValueAbove"/>.
    /// </summary>
    public IReadOnlyList<RuleViolation> Validate(DateOnly today, DateOnly? registeredOn = null, bool largeValueConfirmed = false)
    {
        var errors = new List<RuleViolation>();
        if (BeneficiaryId == Guid.Empty)
        {
            errors.Add(new(nameof(BeneficiaryId), "Pilih penerima manfaat."));
        }
        if (InstitutionId == Guid.Empty)
        {
            errors.Add(new(nameof(InstitutionId), "Pilih WKSBM pemberi layanan."));
        }
        if (Date > today)
        {
            errors.Add(new(nameof(Date), "Tanggal layanan tidak boleh di masa depan."));
        }
        else if (Date.Year < 2000)
        {
            errors.Add(new(nameof(Date), "Tanggal layanan terlalu lampau; periksa kembali tahunnya."));
        }
        else if (registeredOn is { } registered && Date < registered)
        {
            errors.Add(new(nameof(Date), $"Tanggal layanan tidak boleh sebelum penerima terdaftar ({registered:dd-MM-yyyy})."));
        }
        if (ValueRupiah < 0)
        {
            errors.Add(new(nameof(ValueRupiah), "Nilai layanan tidak boleh negatif."));
        }
        else if (Form == ServiceForm.Tunai && ValueRupiah == 0)
        {
            errors.Add(new(nameof(ValueRupiah), "Bantuan tunai harus memiliki nilai rupiah."));
        }
        else if (ValueRupiah > ConfirmValueAbove && !largeValueConfirmed)
        {
            errors.Add(new(nameof(ValueRupiah),
                $"Nilai {Rupiah.Format(ValueRupiah)} untuk satu orang melebihi {Rupiah.Format(ConfirmValueAbove)}. Periksa kembali, lalu centang konfirmasi bila memang benar."));
        }
        if (FundingSource is FundingSource.Donasi or FundingSource.Csr && PartnerId is null)
        {
            errors.Add(new(nameof(PartnerId), "Pilih mitra pemberi donasi atau CSR."));
        }
        return errors;
    }
}

/// <summary>A group distribution (kegiatan penyaluran): the same service to many people on one day.</summary>
public sealed class Distribution
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid InstitutionId { get; set; }

    public string RegencyCode { get; set; } = "";

    public required string Name { get; set; }

    public DateOnly Date { get; set; }

    public ServiceKind Kind { get; set; }

    public ServiceForm Form { get; set; }

    public FundingSource FundingSource { get; set; }

    public Guid? PartnerId { get; set; }

    /// <summary>The value each recipient received, in whole rupiah (a total split evenly is stored per person).</summary>
    public long ValuePerPerson { get; set; }

    public string? Notes { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Set when the whole activity was deleted (its services are deleted with it, with the same reason).</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    public string? DeletedBy { get; set; }

    public string? DeletionReason { get; set; }
}

/// <summary>A volunteer who took part in a service.</summary>
public sealed class ServiceVolunteer
{
    public Guid ServiceId { get; set; }

    public Guid VolunteerId { get; set; }
}
