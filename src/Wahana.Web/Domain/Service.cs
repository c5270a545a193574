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

    public Semester Semester => Semester.Of(Date);

    public IReadOnlyList<RuleViolation> Validate(DateOnly today)
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
        if (ValueRupiah < 0)
        {
            errors.Add(new(nameof(ValueRupiah), "Nilai layanan tidak boleh negatif."));
        }
        else if (Form == ServiceForm.Tunai && ValueRupiah == 0)
        {
            errors.Add(new(nameof(ValueRupiah), "Bantuan tunai harus memiliki nilai rupiah."));
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

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}
