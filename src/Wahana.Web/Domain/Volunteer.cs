namespace Wahana.Web.Domain;

/// <summary>A social volunteer (relawan sosial) of a WKSBM.</summary>
public sealed class Volunteer
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid InstitutionId { get; set; }

    /// <summary>The kabupaten/kota of the WKSBM; kept as a column for access scope.</summary>
    public string RegencyCode { get; set; } = "";

    public required string Name { get; set; }

    public Sex Sex { get; set; }

    public string? Phone { get; set; }

    /// <summary>What the volunteer can do: "pendampingan lansia, P3K, administrasi".</summary>
    public string Skills { get; set; } = "";

    public DateOnly JoinedOn { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The Relawan user account of this volunteer, if they sign in to Wahana.</summary>
    public Guid? UserId { get; set; }

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyList<RuleViolation> Validate(DateOnly today)
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add(new(nameof(Name), "Nama relawan wajib diisi."));
        }
        if (Phone is not null && !ContactRules.IsPhoneNumber(Phone))
        {
            errors.Add(new(nameof(Phone), ContactRules.PhoneMessage));
        }
        if (JoinedOn > today)
        {
            errors.Add(new(nameof(JoinedOn), "Tanggal bergabung tidak boleh di masa depan."));
        }
        else if (JoinedOn.Year < 1950)
        {
            errors.Add(new(nameof(JoinedOn), "Tanggal bergabung terlalu lampau; periksa kembali tahunnya."));
        }
        return errors;
    }
}
