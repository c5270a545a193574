using Wahana.Web.Domain;

namespace Wahana.Tests.Domain;

/// <summary>
/// The NIK rules of DOMAIN.md: 16 digits = kecamatan code (6) + birth date DDMMYY with 40 added to the day for
/// women (6) + serial from 0001 (4); the region must be a known kecamatan, the date possible and not in the
/// future, and the NIK must agree with the person's sex and birth date.
/// </summary>
public sealed class NikTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private static readonly RegionCatalog Regions = RegionCatalog.Instance;

    // The example of DOMAIN.md: a woman born 07-08-1990, registered in 34.02.15 (Sewon, Bantul).
    private const string Woman = "3402154708900001";
    private static readonly DateOnly WomanBorn = new(1990, 8, 7);

    private const string Man = "3402150708900001";

    private static IReadOnlyList<RuleViolation> Check(string? nik, Sex? sex = null, DateOnly? birthDate = null) =>
        Nik.Check(nik, sex, birthDate, Today, Regions);

    private static RuleViolation Single(IReadOnlyList<RuleViolation> errors)
    {
        Assert.True(errors.Count == 1, "Expected one violation, got: " + string.Join(" | ", errors.Select(e => e.Message)));
        return errors[0];
    }

    [Fact]
    public void The_example_of_the_domain_is_a_valid_woman_born_7_August_1990()
    {
        Assert.Empty(Check(Woman, Sex.Perempuan, WomanBorn));
        Assert.True(Nik.IsValid(Woman, Sex.Perempuan, WomanBorn, Today, Regions));
    }

    [Fact]
    public void A_man_born_the_same_day_has_the_day_without_40()
    {
        Assert.Empty(Check(Man, Sex.LakiLaki, WomanBorn));
    }

    [Fact]
    public void Without_sex_and_birth_date_only_the_number_itself_is_checked()
    {
        Assert.Empty(Check(Woman));
        Assert.Empty(Check(Man));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_NIK_is_required(string? nik)
    {
        var error = Single(Check(nik));
        Assert.Equal("Nik", error.Field);
        Assert.Contains("wajib diisi", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("340215470890001")]
    [InlineData("34021547089000011")]
    [InlineData("3402")]
    public void A_NIK_must_have_16_digits(string nik)
    {
        var error = Single(Check(nik));
        Assert.Contains("16 digit", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{nik.Length} digit", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("34021547089O0001")] // the letter O, not zero
    [InlineData("3402 1547 0890 0001")]
    [InlineData("3402.154708.900001")]
    [InlineData("-402154708900001")]
    [InlineData("340215470890000\u0661")] // an Arabic-Indic digit one: a digit, but not 0-9
    public void A_NIK_holds_only_the_digits_0_to_9(string nik)
    {
        var error = Single(Check(nik));
        Assert.Contains("hanya boleh berisi angka", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_region_code_that_is_no_known_kecamatan_is_an_error_naming_the_code()
    {
        var error = Single(Check("3499994708900001", Sex.Perempuan, WomanBorn));
        Assert.Contains("349999", error.Message, StringComparison.Ordinal);
        Assert.Contains("bukan kode kecamatan", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3402994708900001")] // 34.02.99: Bantul has 17 kapanewon
    [InlineData("3402004708900001")] // 34.02.00: the regency itself, not a kecamatan
    [InlineData("0000004708900001")]
    public void Codes_of_no_kecamatan_are_rejected(string nik)
    {
        Assert.Contains(Check(nik), e => e.Message.Contains("bukan kode kecamatan", StringComparison.Ordinal));
    }

    [Fact]
    public void A_kecamatan_outside_DIY_is_accepted_because_people_move()
    {
        // 31.71.01 is Gambir, Jakarta Pusat: a man born 15-03-1985 registered there first.
        Assert.Empty(Check("3171011503850042", Sex.LakiLaki, new DateOnly(1985, 3, 15)));
    }

    [Theory]
    [InlineData("3402153102900001")] // 31 February
    [InlineData("3402157102900001")] // 31 February for a woman (31 + 40)
    [InlineData("3402153104900001")] // 31 April
    [InlineData("3402152902010001")] // 29 February 2001, not a leap year
    public void A_date_that_is_not_in_the_calendar_is_rejected(string nik)
    {
        var error = Single(Check(nik));
        Assert.Contains("bukan tanggal yang ada di kalender", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_29th_of_February_of_a_leap_year_is_accepted()
    {
        Assert.Empty(Check("3402152902000001", Sex.LakiLaki, new DateOnly(2000, 2, 29)));
        Assert.Empty(Check("3402156902960001", Sex.Perempuan, new DateOnly(1996, 2, 29)));
    }

    [Theory]
    [InlineData("00")]
    [InlineData("32")]
    [InlineData("35")]
    [InlineData("40")]
    [InlineData("72")]
    [InlineData("99")]
    public void A_day_of_00_or_32_to_40_or_above_71_is_rejected(string day)
    {
        var error = Single(Check($"340215{day}08900001"));
        Assert.Contains($"digit 7-8: {day}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("01", Sex.LakiLaki)]
    [InlineData("31", Sex.LakiLaki)]
    [InlineData("41", Sex.Perempuan)]
    [InlineData("71", Sex.Perempuan)]
    public void The_day_bounds_for_men_and_women_are_accepted(string day, Sex sex)
    {
        Assert.Empty(Check($"340215{day}01900001", sex));
    }

    [Theory]
    [InlineData("00")]
    [InlineData("13")]
    [InlineData("99")]
    public void A_month_outside_01_to_12_is_rejected(string month)
    {
        var error = Single(Check($"34021507{month}900001"));
        Assert.Contains($"digit 9-10: {month}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_woman_has_40_added_to_her_birth_day()
    {
        // 47 = 7 + 40: born on the 7th.
        Assert.Empty(Check("3402154708900001", Sex.Perempuan, new DateOnly(1990, 8, 7)));
        // Read as a man's NIK it would be the 47th, which no month has.
        Assert.NotEmpty(Check("3402154708900001", Sex.LakiLaki, new DateOnly(1990, 8, 47 - 40)));
    }

    [Fact]
    public void A_birth_date_after_today_is_rejected()
    {
        // 01-12-26 is two days after the fixed today (29-11-2026).
        var error = Single(Check("3402150112260001"));
        Assert.Contains("belum terjadi", error.Message, StringComparison.Ordinal);
        Assert.Contains("01-12-2026", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_birth_date_of_tomorrow_is_rejected_and_of_today_accepted()
    {
        Assert.Contains(Check("3402153011260001"), e => e.Message.Contains("belum terjadi", StringComparison.Ordinal));
        Assert.Empty(Check("3402152911260001", Sex.LakiLaki, Today));
    }

    [Fact]
    public void A_declared_birth_date_in_the_future_makes_the_NIK_date_future_too()
    {
        var born = new DateOnly(2027, 1, 5);
        Assert.Contains(Check("3402150501270001", Sex.LakiLaki, born), e => e.Message.Contains("belum terjadi", StringComparison.Ordinal));
    }

    [Fact]
    public void A_two_digit_year_without_a_declared_date_is_the_latest_year_not_after_today()
    {
        // 27 cannot be 2027 (future), so it is 1927: valid.
        Assert.Empty(Check("3402150501270001"));
    }

    [Fact]
    public void The_serial_0000_is_rejected()
    {
        var error = Single(Check("3402154708900000", Sex.Perempuan, WomanBorn));
        Assert.Contains("0000", error.Message, StringComparison.Ordinal);
        Assert.Contains("0001", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0001")]
    [InlineData("0010")]
    [InlineData("9999")]
    public void Serials_from_0001_to_9999_are_accepted(string serial)
    {
        Assert.Empty(Check($"340215470890{serial}", Sex.Perempuan, WomanBorn));
    }

    [Fact]
    public void A_woman_s_NIK_given_for_a_man_is_a_sex_mismatch()
    {
        var error = Single(Check(Woman, Sex.LakiLaki, WomanBorn));
        Assert.Contains("milik perempuan", error.Message, StringComparison.Ordinal);
        Assert.Contains("laki-laki", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_man_s_NIK_given_for_a_woman_is_a_sex_mismatch()
    {
        var error = Single(Check(Man, Sex.Perempuan, WomanBorn));
        Assert.Contains("milik laki-laki", error.Message, StringComparison.Ordinal);
        Assert.Contains("perempuan", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1990, 8, 8)] // another day
    [InlineData(1990, 9, 7)] // another month
    [InlineData(1991, 8, 7)] // another year
    public void A_NIK_that_disagrees_with_the_declared_birth_date_is_rejected(int year, int month, int day)
    {
        var declared = new DateOnly(year, month, day);
        var error = Single(Check(Woman, Sex.Perempuan, declared));
        Assert.Contains("07-08-90", error.Message, StringComparison.Ordinal);
        Assert.Contains(declared.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_broken_rule_is_reported_not_only_the_first()
    {
        // Unknown region, a man's NIK for a woman, a different birth date and the serial 0000.
        var errors = Check("3499990708900000", Sex.Perempuan, new DateOnly(1990, 8, 8));
        Assert.Equal(4, errors.Count);
        Assert.All(errors, e => Assert.Equal("Nik", e.Field));
    }

    [Fact]
    public void The_field_name_can_be_chosen_for_forms_with_several_NIKs()
    {
        var error = Single(Nik.Check("3402154708900000", null, null, Today, Regions, field: "GuardianNik"));
        Assert.Equal("GuardianNik", error.Field);
    }

    [Fact]
    public void Compose_builds_the_NIK_of_the_domain_example()
    {
        Assert.Equal(Woman, Nik.Compose("34.02.15", WomanBorn, Sex.Perempuan, 1));
        Assert.Equal(Man, Nik.Compose("34.02.15", WomanBorn, Sex.LakiLaki, 1));
        Assert.Equal("3471010101000123", Nik.Compose("34.71.01", new DateOnly(2000, 1, 1), Sex.LakiLaki, 123));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10000)]
    public void Compose_refuses_a_serial_outside_0001_to_9999(int serial)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Nik.Compose("34.02.15", WomanBorn, Sex.LakiLaki, serial));
    }

    [Fact]
    public void Composed_NIKs_of_random_people_are_valid()
    {
        var random = new Random(20261129);
        var kecamatan = Regions.AllDiy.Where(r => r.Level == RegionLevel.Kecamatan).Select(r => r.Code).ToArray();
        for (var i = 0; i < 500; i++)
        {
            var born = new DateOnly(1930, 1, 1).AddDays(random.Next(0, 35_000));
            var sex = random.Next(2) == 0 ? Sex.LakiLaki : Sex.Perempuan;
            var nik = Nik.Compose(kecamatan[random.Next(kecamatan.Length)], born, sex, random.Next(1, 10_000));
            Assert.True(Nik.IsValid(nik, sex, born, Today, Regions), $"{nik} ({sex}, {born:yyyy-MM-dd}): " +
                string.Join(" | ", Check(nik, sex, born).Select(e => e.Message)));
        }
    }

    [Theory]
    [InlineData("3402154708900001", "3402********0001")]
    [InlineData("12345", "12345")]
    [InlineData(null, "")]
    public void Mask_shows_only_the_first_and_last_four_digits(string? nik, string masked)
    {
        Assert.Equal(masked, Nik.Mask(nik));
    }
}
