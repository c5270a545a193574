using Wahana.Web.Domain;

namespace Wahana.Tests.Domain;

/// <summary>The rules a beneficiary (PPKS) must satisfy before it is saved.</summary>
public sealed class BeneficiaryTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private static readonly RegionCatalog Regions = RegionCatalog.Instance;

    /// <summary>A valid adult woman of Bangunharjo, Sewon, Bantul: each test breaks one rule.</summary>
    private static Beneficiary Valid() => new()
    {
        Name = "Sri Lestari",
        Sex = Sex.Perempuan,
        BirthPlace = "Bantul",
        BirthDate = new DateOnly(1990, 8, 7),
        Nik = "3402154708900001",
        Kk = "3402151203150001",
        VillageCode = "34.02.15.2003",
        Hamlet = "Padukuhan Glugo",
        Rt = "004",
        Rw = "12",
        Phone = "081234567890",
        Desil = 2,
        Categories = [new BeneficiaryCategory { CategoryId = 24 }],
        RegisteredOn = new DateOnly(2026, 1, 15),
        ConsentGivenOn = new DateOnly(2026, 1, 15),
        ConsentGivenBy = "Sri Lestari",
    };

    private static IReadOnlyList<RuleViolation> Validate(Beneficiary beneficiary) => beneficiary.Validate(Regions, Today);

    private static void AssertOnlyError(Beneficiary beneficiary, string field, string? messagePart = null)
    {
        var errors = Validate(beneficiary);
        Assert.True(errors.Count == 1 && errors[0].Field == field,
            $"Expected one error on {field}, got: " + string.Join(" | ", errors.Select(e => $"{e.Field}: {e.Message}")));
        if (messagePart is not null)
        {
            Assert.Contains(messagePart, errors[0].Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_valid_beneficiary_has_no_errors()
    {
        Assert.Empty(Validate(Valid()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_name_is_required(string name)
    {
        var b = Valid();
        b.Name = name;
        AssertOnlyError(b, nameof(Beneficiary.Name));
    }

    [Fact]
    public void A_birth_date_in_the_future_is_rejected()
    {
        var b = Valid();
        b.Nik = null;
        b.NoNikReason = "Belum terdaftar";
        b.BirthDate = Today.AddDays(1);
        b.ConsentByGuardian = true;
        AssertOnlyError(b, nameof(Beneficiary.BirthDate), "masa depan");
    }

    [Fact]
    public void A_birth_year_before_1900_is_rejected()
    {
        var b = Valid();
        b.Nik = null;
        b.NoNikReason = "Lansia terlantar tanpa dokumen";
        b.BirthDate = new DateOnly(1899, 12, 31);
        AssertOnlyError(b, nameof(Beneficiary.BirthDate), "terlalu lampau");
    }

    [Fact]
    public void Without_a_NIK_a_reason_is_required()
    {
        var b = Valid();
        b.Nik = null;
        AssertOnlyError(b, nameof(Beneficiary.NoNikReason));
    }

    [Fact]
    public void Without_a_NIK_but_with_a_reason_the_person_is_accepted_and_flagged_for_the_civil_registry()
    {
        var b = Valid();
        b.Nik = null;
        b.NoNikReason = "Anak jalanan, belum memiliki dokumen kependudukan";
        Assert.Empty(Validate(b));
        Assert.True(b.NeedsCivilRegistryFollowUp);
        Assert.False(Valid().NeedsCivilRegistryFollowUp);
    }

    [Fact]
    public void A_NIK_that_disagrees_with_the_sex_is_an_error_on_the_NIK()
    {
        var b = Valid();
        b.Sex = Sex.LakiLaki;
        AssertOnlyError(b, nameof(Beneficiary.Nik), "milik perempuan");
    }

    [Fact]
    public void A_NIK_that_disagrees_with_the_birth_date_is_an_error_on_the_NIK()
    {
        var b = Valid();
        b.BirthDate = new DateOnly(1990, 8, 8);
        AssertOnlyError(b, nameof(Beneficiary.Nik), "tidak sama dengan tanggal lahir");
    }

    [Fact]
    public void An_invalid_KK_is_an_error_on_the_KK()
    {
        var b = Valid();
        b.Kk = "3402151203150000";
        AssertOnlyError(b, nameof(Beneficiary.Kk));
    }

    [Theory]
    [InlineData("34.02.15")] // a kapanewon, not a village
    [InlineData("31.71.01.1001")] // a village outside DIY
    [InlineData("34.02.15.9999")]
    [InlineData("")]
    public void The_home_village_must_be_a_DIY_kalurahan(string villageCode)
    {
        var b = Valid();
        b.VillageCode = villageCode;
        AssertOnlyError(b, nameof(Beneficiary.VillageCode));
    }

    [Theory]
    [InlineData("0004")]
    [InlineData("")]
    [InlineData("4a")]
    public void RT_is_one_to_three_digits(string rt)
    {
        var b = Valid();
        b.Rt = rt;
        AssertOnlyError(b, nameof(Beneficiary.Rt));
    }

    [Theory]
    [InlineData("1234")]
    [InlineData("RW1")]
    public void RW_is_one_to_three_digits(string rw)
    {
        var b = Valid();
        b.Rw = rw;
        AssertOnlyError(b, nameof(Beneficiary.Rw));
    }

    [Theory]
    [InlineData("0812")]
    [InlineData("0812-3456-7890")]
    [InlineData("+62812345678901234")]
    [InlineData("nomor")]
    public void A_phone_number_is_8_to_15_digits_with_an_optional_plus(string phone)
    {
        var b = Valid();
        b.Phone = phone;
        AssertOnlyError(b, nameof(Beneficiary.Phone));
    }

    [Theory]
    [InlineData("+6281234567890")]
    [InlineData("02748123")]
    [InlineData(null)]
    public void Well_formed_or_missing_phone_numbers_are_accepted(string? phone)
    {
        var b = Valid();
        b.Phone = phone;
        Assert.Empty(Validate(b));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void The_DTSEN_decile_is_1_to_10(int desil, bool valid)
    {
        var b = Valid();
        b.Desil = desil;
        if (valid)
        {
            Assert.Empty(Validate(b));
        }
        else
        {
            AssertOnlyError(b, nameof(Beneficiary.Desil));
        }
    }

    [Fact]
    public void At_least_one_PPKS_category_is_required()
    {
        var b = Valid();
        b.Categories.Clear();
        AssertOnlyError(b, nameof(Beneficiary.Categories));
    }

    [Fact]
    public void Consent_needs_a_date_and_who_gave_it()
    {
        var noDate = Valid();
        noDate.ConsentGivenOn = null;
        AssertOnlyError(noDate, nameof(Beneficiary.ConsentGivenOn));

        var noName = Valid();
        noName.ConsentGivenBy = " ";
        AssertOnlyError(noName, nameof(Beneficiary.ConsentGivenOn));
    }

    [Fact]
    public void Consent_cannot_be_dated_in_the_future()
    {
        var b = Valid();
        b.ConsentGivenOn = Today.AddDays(1);
        AssertOnlyError(b, nameof(Beneficiary.ConsentGivenOn), "masa depan");
    }

    [Fact]
    public void A_child_s_consent_must_come_from_a_guardian()
    {
        // Born 30-11-2008: 17 years old on 29-11-2026, 18 the next day.
        var child = Valid();
        child.BirthDate = new DateOnly(2008, 11, 30);
        child.Nik = Nik.Compose("34.02.15", child.BirthDate, Sex.Perempuan, 7);
        Assert.Equal(17, child.AgeOn(Today));
        AssertOnlyError(child, nameof(Beneficiary.ConsentByGuardian), "orang tua atau wali");

        child.ConsentByGuardian = true;
        child.ConsentGivenBy = "Suparno (ayah)";
        Assert.Empty(Validate(child));
    }

    [Fact]
    public void An_adult_of_exactly_18_gives_consent_themself()
    {
        var adult = Valid();
        adult.BirthDate = new DateOnly(2008, 11, 29);
        adult.Nik = Nik.Compose("34.02.15", adult.BirthDate, Sex.Perempuan, 7);
        Assert.Equal(18, adult.AgeOn(Today));
        Assert.Empty(Validate(adult));
    }

    [Fact]
    public void DeriveRegion_takes_the_regency_from_the_village()
    {
        var b = Valid();
        b.DeriveRegion();
        Assert.Equal("34.02", b.RegencyCode);
    }
}
