using System.Globalization;

namespace Wahana.Web.Domain.Matching;

/// <summary>
/// Record linkage for beneficiaries: weighted field comparisons (Jaro-Winkler on names, in either word order;
/// birth dates with tolerance for near days and transposed digits; same or nearby kalurahan; sex), combined
/// into one score. Candidates come from blocking (see <see cref="CandidateBirthDates"/>), never from comparing
/// every pair.
/// </summary>
public static class BeneficiaryMatcher
{
    /// <summary>From this score on, two records are shown to a person as a likely duplicate.</summary>
    public const double LikelyThreshold = 0.82;

    private const double NameWeight = 0.55;
    private const double DateWeight = 0.25;
    private const double PlaceWeight = 0.12;
    private const double SexWeight = 0.08;

    public static MatchScore Compare(PersonToMatch a, PersonToMatch b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        // Two different valid NIKs are two people: a NIK is issued once.
        if (a.Nik is not null && b.Nik is not null && !string.Equals(a.Nik, b.Nik, StringComparison.Ordinal) && Differences(a.Nik, b.Nik) > 2)
        {
            return new(0, "NIK berbeda");
        }
        var name = NameSimilarity(a.NameKey, b.NameKey);
        var (date, dateReason) = DateSimilarity(a.BirthDate, b.BirthDate);
        var (place, placeReason) = PlaceSimilarity(a.VillageCode, b.VillageCode);
        var sex = a.Sex == b.Sex ? 1.0 : 0.0;
        var score = NameWeight * name + DateWeight * date + PlaceWeight * place + SexWeight * sex;
        var reasons = string.Join("; ", new[]
        {
            string.Create(CultureInfo.GetCultureInfo("id-ID"), $"nama mirip {name:0.00}"),
            dateReason,
            placeReason,
            a.Sex == b.Sex ? null : "jenis kelamin berbeda",
        }.Where(r => r is not null));
        return new(Math.Round(score, 4), reasons);
    }

    /// <summary>Jaro-Winkler on the names as written and with their words sorted, so "Rahayu Sri" meets "Sri Rahayu".</summary>
    public static double NameSimilarity(string a, string b)
    {
        var direct = JaroWinkler.Similarity(a, b);
        var sorted = JaroWinkler.Similarity(SortedWords(a), SortedWords(b));
        return Math.Max(direct, sorted);
    }

    /// <summary>
    /// The birth dates under which a duplicate of a person born on <paramref name="date"/> is looked for: the date
    /// itself, up to three days either side, day and month swapped, and one pair of neighbouring digits of
    /// DDMMYYYY transposed.
    /// </summary>
    public static IReadOnlyCollection<DateOnly> CandidateBirthDates(DateOnly date)
    {
        var dates = new HashSet<DateOnly>();
        for (var d = -3; d <= 3; d++)
        {
            dates.Add(date.AddDays(d));
        }
        AddIfDate(dates, date.Year, date.Day, date.Month);
        var digits = date.ToString("ddMMyyyy", CultureInfo.InvariantCulture).ToCharArray();
        for (var i = 0; i < digits.Length - 1; i++)
        {
            (digits[i], digits[i + 1]) = (digits[i + 1], digits[i]);
            if (DateOnly.TryParseExact(new string(digits), "ddMMyyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var transposed)
                && transposed.Year >= 1900)
            {
                dates.Add(transposed);
            }
            (digits[i], digits[i + 1]) = (digits[i + 1], digits[i]);
        }
        return dates;
    }

    private static (double, string?) DateSimilarity(DateOnly a, DateOnly b)
    {
        if (a == b)
        {
            return (1, "tanggal lahir sama");
        }
        var days = Math.Abs(a.DayNumber - b.DayNumber);
        if (days <= 3)
        {
            return (0.8, $"tanggal lahir selisih {days} hari");
        }
        if (CandidateBirthDates(a).Contains(b))
        {
            return (0.8, "tanggal lahir mirip (angka tertukar)");
        }
        if (a.Year == b.Year)
        {
            return (0.35, "tahun lahir sama");
        }
        return Math.Abs(a.Year - b.Year) == 1 && a.Month == b.Month && a.Day == b.Day ? (0.6, "tahun lahir selisih satu") : (0, null);
    }

    // "Neighbouring" kalurahan are approximated by the kapanewon: no adjacency list of kalurahan exists.
    private static (double, string?) PlaceSimilarity(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return (1, "kalurahan sama");
        }
        if (a.Length >= 8 && b.Length >= 8 && string.Equals(a[..8], b[..8], StringComparison.Ordinal))
        {
            return (0.7, "kapanewon sama");
        }
        return a.Length >= 5 && b.Length >= 5 && string.Equals(a[..5], b[..5], StringComparison.Ordinal) ? (0.3, null) : (0, null);
    }

    private static string SortedWords(string name) =>
        string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));

    private static int Differences(string a, string b) =>
        a.Length != b.Length ? int.MaxValue : a.Zip(b).Count(p => p.First != p.Second);

    private static void AddIfDate(HashSet<DateOnly> dates, int year, int month, int day)
    {
        if (month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            dates.Add(new DateOnly(year, month, day));
        }
    }
}
