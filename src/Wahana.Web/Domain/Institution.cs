namespace Wahana.Web.Domain;

/// <summary>A WKSBM: the social-welfare network of one padukuhan/RW, legalised by an SK of the lurah.</summary>
public sealed class Institution
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    /// <summary>The kalurahan/kelurahan (desa-level Kemendagri code, e.g. 34.02.15.2001).</summary>
    public required string VillageCode { get; set; }

    /// <summary>The kabupaten/kota, derived from <see cref="VillageCode"/>; kept as a column for access scope.</summary>
    public string RegencyCode { get; private set; } = "";

    /// <summary>The padukuhan/dusun or RW the WKSBM serves.</summary>
    public required string Hamlet { get; set; }

    public string Address { get; set; } = "";

    public DateOnly? EstablishedOn { get; set; }

    public string? DecreeNumber { get; set; }

    public DateOnly? DecreeDate { get; set; }

    public string? DecreeIssuer { get; set; }

    public InstitutionStatus Status { get; set; } = InstitutionStatus.Aktif;

    /// <summary>Why the WKSBM was deactivated; WKSBM are deactivated, never deleted.</summary>
    public string? DeactivationReason { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public List<BoardMember> BoardMembers { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Detects concurrent edits; a new value on every save.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Sets <see cref="RegencyCode"/> from the village; called before every save.</summary>
    public void DeriveRegion() => RegencyCode = Region.RegencyCodeOf(VillageCode) ?? "";

    public bool HasMinimumStructure =>
        BoardMembers.Any(m => m.Position == BoardPosition.Ketua) &&
        BoardMembers.Any(m => m.Position == BoardPosition.Sekretaris);

    public IReadOnlyList<RuleViolation> Validate(RegionCatalog regions, DateOnly today)
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add(new(nameof(Name), "Nama WKSBM wajib diisi."));
        }
        if (!regions.IsDiyVillage(VillageCode))
        {
            errors.Add(new(nameof(VillageCode), "Pilih kalurahan/kelurahan di DIY."));
        }
        if (string.IsNullOrWhiteSpace(Hamlet))
        {
            errors.Add(new(nameof(Hamlet), "Padukuhan/RW wajib diisi."));
        }
        if (EstablishedOn > today)
        {
            errors.Add(new(nameof(EstablishedOn), "Tanggal berdiri tidak boleh di masa depan."));
        }
        if (DecreeDate > today)
        {
            errors.Add(new(nameof(DecreeDate), "Tanggal SK tidak boleh di masa depan."));
        }
        if (DecreeDate is not null && string.IsNullOrWhiteSpace(DecreeNumber))
        {
            errors.Add(new(nameof(DecreeNumber), "Nomor SK wajib diisi bila tanggal SK diisi."));
        }
        if (Status == InstitutionStatus.TidakAktif && string.IsNullOrWhiteSpace(DeactivationReason))
        {
            errors.Add(new(nameof(DeactivationReason), "Tuliskan alasan WKSBM dinonaktifkan."));
        }
        if (Phone is not null && !ContactRules.IsPhoneNumber(Phone))
        {
            errors.Add(new(nameof(Phone), ContactRules.PhoneMessage));
        }
        if (Email is not null && !ContactRules.IsEmail(Email))
        {
            errors.Add(new(nameof(Email), "Alamat email tidak valid (contoh: wksbm@contoh.id)."));
        }
        if (Status == InstitutionStatus.Aktif && !HasMinimumStructure)
        {
            errors.Add(new(nameof(BoardMembers), "WKSBM yang aktif minimal memiliki ketua dan sekretaris."));
        }
        foreach (var member in BoardMembers.Where(m => string.IsNullOrWhiteSpace(m.Name)))
        {
            errors.Add(new(nameof(BoardMembers), $"Nama pengurus untuk jabatan {member.Position} wajib diisi."));
        }
        return errors;
    }
}

/// <summary>A member of a WKSBM's board (pengurus) with their position.</summary>
public sealed class BoardMember
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid InstitutionId { get; set; }

    public Institution? Institution { get; set; }

    public required string Name { get; set; }

    public BoardPosition Position { get; set; }

    public string? Phone { get; set; }

    /// <summary>The start of this member's term (masa bakti).</summary>
    public DateOnly? TermStart { get; set; }

    public DateOnly? TermEnd { get; set; }

    public static string PositionName(BoardPosition position) => position switch
    {
        BoardPosition.Ketua => "Ketua",
        BoardPosition.WakilKetua => "Wakil ketua",
        BoardPosition.Sekretaris => "Sekretaris",
        BoardPosition.Bendahara => "Bendahara",
        BoardPosition.Seksi => "Seksi",
        _ => "Anggota",
    };
}
