using System.Text.Json.Serialization;
using Wahana.Web.Domain;

namespace Wahana.Web.Features.Beneficiaries;

/// <summary>
/// What a user sends to register or change a beneficiary, from the entry form or the API (the JSON fields are the
/// camelCase names of these properties; <c>sex</c> is "L" or "P", <c>categories</c> are PPKS slugs).
/// </summary>
public sealed class BeneficiaryInput
{
    public string? FullName { get; set; }

    public string? Nik { get; set; }

    /// <summary>The form's "Belum punya NIK" box: the NIK field is ignored and a reason is required.</summary>
    [JsonIgnore]
    public bool NoNik { get; set; }

    public string? NoNikReason { get; set; }

    public string? Kk { get; set; }

    /// <summary>"L" (laki-laki) or "P" (perempuan).</summary>
    public string? Sex { get; set; }

    public string? BirthPlace { get; set; }

    public DateOnly? BirthDate { get; set; }

    public string? VillageCode { get; set; }

    public string? Hamlet { get; set; }

    public string? Rt { get; set; }

    public string? Rw { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public int? Desil { get; set; }

    /// <summary>The home WKSBM; a WKSBM's own users may leave it out (their WKSBM).</summary>
    public Guid? InstitutionId { get; set; }

    /// <summary>PPKS category slugs (e.g. "lansia-terlantar").</summary>
    public List<string> Categories { get; set; } = [];

    public DateOnly? ConsentGivenOn { get; set; }

    /// <summary>Who consented: the person themself (their name) or the parent's or guardian's name.</summary>
    public string? ConsentGivenBy { get; set; }

    public bool ConsentByGuardian { get; set; }

    /// <summary>The day the WKSBM registered the person; today (WIB) when left out.</summary>
    public DateOnly? RegisteredOn { get; set; }

    /// <summary>
    /// Records the user has seen as likely duplicates and declared to be other people ("orang yang berbeda");
    /// the save goes ahead only when every likely duplicate found is among them.
    /// </summary>
    public List<Guid> ConfirmDifferentFrom { get; set; } = [];

    /// <summary>The row version the user started from (edits only), to detect concurrent edits.</summary>
    public Guid? Version { get; set; }

    public static string SexCode(Domain.Sex sex) => sex == Domain.Sex.Perempuan ? "P" : "L";

    public static Domain.Sex? ParseSex(string? code) => code?.Trim().ToUpperInvariant() switch
    {
        "L" => Domain.Sex.LakiLaki,
        "P" => Domain.Sex.Perempuan,
        _ => null,
    };

    public static BeneficiaryInput From(Beneficiary beneficiary, IReadOnlyDictionary<int, string> categorySlugs) => new()
    {
        FullName = beneficiary.Name,
        Nik = beneficiary.Nik,
        NoNik = beneficiary.Nik is null,
        NoNikReason = beneficiary.NoNikReason,
        Kk = beneficiary.Kk,
        Sex = SexCode(beneficiary.Sex),
        BirthPlace = beneficiary.BirthPlace,
        BirthDate = beneficiary.BirthDate,
        VillageCode = beneficiary.VillageCode,
        Hamlet = beneficiary.Hamlet,
        Rt = beneficiary.Rt,
        Rw = beneficiary.Rw,
        Address = beneficiary.Address,
        Phone = beneficiary.Phone,
        Desil = beneficiary.Desil,
        InstitutionId = beneficiary.InstitutionId,
        Categories = [.. beneficiary.Categories.Select(c => categorySlugs.GetValueOrDefault(c.CategoryId)).OfType<string>()],
        ConsentGivenOn = beneficiary.ConsentGivenOn,
        ConsentGivenBy = beneficiary.ConsentGivenBy,
        ConsentByGuardian = beneficiary.ConsentByGuardian,
        RegisteredOn = beneficiary.RegisteredOn,
        Version = beneficiary.Version,
    };
}
