namespace Wahana.Web.Domain;

/// <summary>A person in need of social-welfare services (PPKS) served by a WKSBM.</summary>
public sealed class Beneficiary
{
    public const int AdultAge = 18;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The 16-digit NIK, or null when the person has none (then <see cref="NoNikReason"/> says why).</summary>
    public string? Nik { get; set; }

    /// <summary>The family card number, shared by the members of a family.</summary>
    public string? Kk { get; set; }

    /// <summary>Why there is no NIK; such a person is followed up with the civil registry (Dukcapil).</summary>
    public string? NoNikReason { get; set; }

    public required string Name { get; set; }

    /// <summary>The name as search compares it (<see cref="PersonName.Key"/>), derived on save.</summary>
    public string NameKey { get; private set; } = "";

    public Sex Sex { get; set; }

    public string BirthPlace { get; set; } = "";

    public DateOnly BirthDate { get; set; }

    public required string VillageCode { get; set; }

    /// <summary>The kabupaten/kota, derived from <see cref="VillageCode"/>; kept as a column for access scope.</summary>
    public string RegencyCode { get; private set; } = "";

    public string Hamlet { get; set; } = "";

    public string? Rt { get; set; }

    public string? Rw { get; set; }

    public string Address { get; set; } = "";

    public string? Phone { get; set; }

    /// <summary>The DTSEN decile (1 = poorest ten percent), when known.</summary>
    public int? Desil { get; set; }

    /// <summary>The home WKSBM, which registered the person and looks after them.</summary>
    public Guid InstitutionId { get; set; }

    public Institution? Institution { get; set; }

    public List<BeneficiaryCategory> Categories { get; init; } = [];

    /// <summary>The date the person (or, for a child, a guardian) consented to the processing of their data.</summary>
    public DateOnly? ConsentGivenOn { get; set; }

    /// <summary>Who gave the consent: the person themself or the guardian's name.</summary>
    public string? ConsentGivenBy { get; set; }

    public bool ConsentByGuardian { get; set; }

    /// <summary>The day the WKSBM registered the person (earlier than <see cref="CreatedAt"/> for paper records entered later).</summary>
    public DateOnly RegisteredOn { get; set; }

    public BeneficiaryStatus Status { get; set; } = BeneficiaryStatus.Aktif;

    public List<BeneficiaryStatusChange> StatusChanges { get; init; } = [];

    /// <summary>Set when this record was found to be the same person as another and merged into it.</summary>
    public Guid? MergedIntoId { get; set; }

    /// <summary>Set when the person's data was erased on their request; the record stays, anonymous, for past figures.</summary>
    public DateTimeOffset? ErasedAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public Guid Version { get; set; } = Guid.NewGuid();

    public bool NeedsCivilRegistryFollowUp => Nik is null;

    /// <summary>Derives the stored columns that follow from others: the kabupaten/kota and the name key.</summary>
    public void DeriveRegion()
    {
        RegencyCode = Region.RegencyCodeOf(VillageCode) ?? "";
        NameKey = PersonName.Key(Name);
    }

    public int AgeOn(DateOnly date)
    {
        var age = date.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > date ? age - 1 : age;
    }

    public IReadOnlyList<RuleViolation> Validate(RegionCatalog regions, DateOnly today)
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add(new(nameof(Name), "Nama wajib diisi."));
        }
        else if (Name.Length > PersonName.MaxLength)
        {
            errors.Add(new(nameof(Name), $"Nama paling banyak {PersonName.MaxLength} karakter; yang diisi {Name.Length} karakter."));
        }
        if (BirthDate > today)
        {
            errors.Add(new(nameof(BirthDate), "Tanggal lahir tidak boleh di masa depan."));
        }
        else if (BirthDate.Year < 1900)
        {
            errors.Add(new(nameof(BirthDate), "Tanggal lahir terlalu lampau; periksa kembali tahunnya."));
        }
        if (Nik is null)
        {
            if (string.IsNullOrWhiteSpace(NoNikReason))
            {
                errors.Add(new(nameof(NoNikReason), "Isi NIK, atau tuliskan alasan bila orang ini belum memiliki NIK."));
            }
        }
        else
        {
            errors.AddRange(Domain.Nik.Check(Nik, Sex, BirthDate <= today ? BirthDate : null, today, regions));
        }
        if (Kk is not null)
        {
            errors.AddRange(Domain.Kk.Check(Kk, regions));
        }
        if (!regions.IsDiyVillage(VillageCode))
        {
            errors.Add(new(nameof(VillageCode), "Pilih kalurahan/kelurahan tempat tinggal di DIY."));
        }
        if (Rt is not null && !IsNeighbourhoodNumber(Rt))
        {
            errors.Add(new(nameof(Rt), "RT diisi angka, paling banyak 3 digit (contoh: 004)."));
        }
        if (Rw is not null && !IsNeighbourhoodNumber(Rw))
        {
            errors.Add(new(nameof(Rw), "RW diisi angka, paling banyak 3 digit (contoh: 012)."));
        }
        if (Phone is not null && !ContactRules.IsPhoneNumber(Phone))
        {
            errors.Add(new(nameof(Phone), ContactRules.PhoneMessage));
        }
        if (Desil is < 1 or > 10)
        {
            errors.Add(new(nameof(Desil), "Desil DTSEN bernilai 1 sampai 10."));
        }
        if (RegisteredOn > today)
        {
            errors.Add(new(nameof(RegisteredOn), "Tanggal terdaftar tidak boleh di masa depan."));
        }
        else if (BirthDate <= today && RegisteredOn < BirthDate)
        {
            errors.Add(new(nameof(RegisteredOn), "Tanggal terdaftar tidak boleh sebelum tanggal lahir."));
        }
        if (Categories.Count == 0)
        {
            errors.Add(new(nameof(Categories), "Pilih minimal satu kategori PPKS."));
        }
        if (ConsentGivenOn is null || string.IsNullOrWhiteSpace(ConsentGivenBy))
        {
            errors.Add(new(nameof(ConsentGivenOn), "Catat persetujuan pengolahan data: tanggal dan siapa yang menyetujui."));
        }
        else if (ConsentGivenOn > today)
        {
            errors.Add(new(nameof(ConsentGivenOn), "Tanggal persetujuan tidak boleh di masa depan."));
        }
        else if (!ConsentByGuardian && BirthDate <= today && AgeOn(today) < AdultAge)
        {
            errors.Add(new(nameof(ConsentByGuardian), "Untuk anak di bawah 18 tahun, persetujuan diberikan oleh orang tua atau wali."));
        }
        return errors;
    }

    private static bool IsNeighbourhoodNumber(string value) =>
        value.Length is >= 1 and <= 3 && value.All(char.IsAsciiDigit);
}

/// <summary>A PPKS category a beneficiary belongs to.</summary>
public sealed class BeneficiaryCategory
{
    public Guid BeneficiaryId { get; set; }

    public Beneficiary? Beneficiary { get; set; }

    public int CategoryId { get; set; }
}
