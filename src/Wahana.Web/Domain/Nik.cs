using System.Globalization;

namespace Wahana.Web.Domain;

/// <summary>
/// The rules of the NIK (Nomor Induk Kependudukan): 16 digits = the kecamatan of first registration (6),
/// the birth date DDMMYY with 40 added to the day for women (6), and a serial from 0001 (4).
/// </summary>
public static class Nik
{
    public const int Length = 16;

    /// <summary>
    /// Checks a NIK against the rules and, where given, against the person's sex and birth date.
    /// Returns every broken rule, each with its own message; an empty list means the NIK is valid.
    /// </summary>
    public static IReadOnlyList<RuleViolation> Check(
        string? nik, Sex? sex, DateOnly? birthDate, DateOnly today, RegionCatalog regions, string field = "Nik")
    {
        var errors = new List<RuleViolation>();
        void Fail(string message) => errors.Add(new RuleViolation(field, message));

        if (!IdentityNumber.CheckDigits(nik, "NIK", Fail))
        {
            return errors;
        }
        var number = nik!;
        IdentityNumber.CheckRegion(number, "NIK", regions, Fail);

        var day = int.Parse(number.AsSpan(6, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(number.AsSpan(8, 2), CultureInfo.InvariantCulture);
        var twoDigitYear = int.Parse(number.AsSpan(10, 2), CultureInfo.InvariantCulture);
        var isWoman = day > 40;
        var realDay = isWoman ? day - 40 : day;
        var year = FullYear(twoDigitYear, birthDate, today);

        if (day is 0 or (> 31 and <= 40) or > 71)
        {
            Fail($"Tanggal dalam NIK (digit 7-8: {number.Substring(6, 2)}) tidak valid: untuk laki-laki 01-31, untuk perempuan 41-71 (tanggal lahir ditambah 40).");
        }
        else if (month is < 1 or > 12)
        {
            Fail($"Bulan dalam NIK (digit 9-10: {number.Substring(8, 2)}) tidak valid: harus 01-12.");
        }
        else if (realDay > DateTime.DaysInMonth(year, month))
        {
            Fail($"Tanggal lahir dalam NIK ({realDay:00}-{month:00}-{twoDigitYear:00}) bukan tanggal yang ada di kalender.");
        }
        else
        {
            var nikBirthDate = new DateOnly(year, month, realDay);
            if (nikBirthDate > today)
            {
                Fail($"Tanggal lahir dalam NIK ({nikBirthDate:dd-MM-yyyy}) belum terjadi; periksa kembali NIK.");
            }
            if (sex is { } declaredSex && (declaredSex == Sex.Perempuan) != isWoman)
            {
                Fail(isWoman
                    ? "NIK ini milik perempuan (tanggal lahir di NIK ditambah 40), tetapi jenis kelamin yang diisi laki-laki."
                    : "NIK ini milik laki-laki (tanggal lahir di NIK tidak ditambah 40), tetapi jenis kelamin yang diisi perempuan.");
            }
            if (birthDate is { } declared && (declared.Day != realDay || declared.Month != month || declared.Year % 100 != twoDigitYear))
            {
                Fail($"Tanggal lahir dalam NIK ({realDay:00}-{month:00}-{twoDigitYear:00}) tidak sama dengan tanggal lahir yang diisi ({declared:dd-MM-yyyy}).");
            }
        }

        if (number.EndsWith("0000", StringComparison.Ordinal))
        {
            Fail("Nomor urut NIK (4 digit terakhir) tidak boleh 0000; nomor urut dimulai dari 0001.");
        }
        return errors;
    }

    public static bool IsValid(string? nik, Sex? sex, DateOnly? birthDate, DateOnly today, RegionCatalog regions) =>
        Check(nik, sex, birthDate, today, regions).Count == 0;

    /// <summary>Builds a NIK from its parts (used by the demo data and tests).</summary>
    public static string Compose(string kecamatanCode, DateOnly birthDate, Sex sex, int serial)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(serial, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 9999);
        var day = birthDate.Day + (sex == Sex.Perempuan ? 40 : 0);
        return string.Create(CultureInfo.InvariantCulture,
            $"{kecamatanCode.Replace(".", "", StringComparison.Ordinal)}{day:00}{birthDate.Month:00}{birthDate.Year % 100:00}{serial:0000}");
    }

    /// <summary>"3402********0001": the first four and last four digits, the rest hidden.</summary>
    public static string Mask(string? number) => IdentityNumber.Mask(number);

    /// <summary>
    /// The century of a two-digit year: that of the declared birth date when there is one, otherwise the
    /// latest year that is not after this year.
    /// </summary>
    private static int FullYear(int twoDigitYear, DateOnly? birthDate, DateOnly today)
    {
        if (birthDate is { } declared)
        {
            return declared.Year / 100 * 100 + twoDigitYear;
        }
        var year = today.Year / 100 * 100 + twoDigitYear;
        return year > today.Year ? year - 100 : year;
    }
}
