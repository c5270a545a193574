using System.Globalization;

namespace Wahana.Web.Domain.Matching;

/// <summary>
/// Record linkage for beneficiaries in the manner of Fellegi and Sunter: each field of two records is compared
/// into a level of agreement (name by Jaro-Winkler over its words in either order; birth date exact, near, with
/// transposed digits, or only the year; same, neighbouring or nearby kalurahan; sex; NIK where both have one),
/// each level carries a weight log2(m/u), where m is how often two records of one person agree so and u how often
/// two different people do, and the sum of the weights gives the probability that the two are one person.
/// Candidates come from blocking (<see cref="CandidateBirthDates"/>, the kalurahan and birth year, the name and
/// birth year; see <see cref="PairFinder"/>), never from comparing every pair. The m and u values below are
/// estimates for DIY's registry; the labelled synthetic set of the tests (and bench/README.md) measures what they
/// achieve.
/// </summary>
public static class BeneficiaryMatcher
{
    /// <summary>From this score (the probability that two records are one person) on, a pair is shown for review.</summary>
    public const double LikelyThreshold = 0.5;

    /// <summary>
    /// log2 of the prior odds that two records of the registry are one person, set where precision and recall
    /// balance best (F1) on the training registry (MatcherWeightsStudy), so that a score of 0.5 is the threshold.
    /// </summary>
    private const double PriorWeight = -15.5;

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    // The candidate dates of each day from 1 January 1900 to 31 December 2199, computed once when first needed
    // (a plain array: the scan looks them up a hundred million times).
    private static readonly int FirstCachedDay = new DateOnly(1900, 1, 1).DayNumber;
    private static readonly DateOnly[]?[] CandidateDateCache = new DateOnly[]?[new DateOnly(2199, 12, 31).DayNumber - FirstCachedDay + 1];

    private enum NameLevel
    {
        Same,
        SameOneWord,
        VeryClose,
        Close,
        Somewhat,
        Different,
        Unrelated,
    }

    private enum DateLevel
    {
        Same,
        SameEstimated,
        NearDays,
        Transposed,
        YearApart,
        OneDigit,
        SameDayMonth,
        EstimatedSameYear,
        SameYear,
        EstimatedNearYears,
        Different,
    }

    private enum NikLevel
    {
        OneMissing,
        BothMissing,
        Typo,
        SerialOnly,
    }

    // log2(m/u) per level. m: how often two records of one person agree so, estimated on a training registry of the
    // tests' synthetic generator (MatcherWeightsStudy, another seed than the quality test's). u: how often two
    // different people of DIY's registry agree so, from the registry's make-up (about 20,000 birth dates in use, a
    // few thousand of them estimated ones; 438 kalurahan, each with about five neighbours and six in its kapanewon;
    // nine in ten people with a NIK).
    private static readonly (double M, double U)[] NameMU =
    [
        (0.673, 0.0005),   // same name of two or more words (after spelling and titles)
        (0.053, 0.003),    // same name of one word: many old people in a village are called Tukiyem or Slamet
        (0.110, 0.001),    // very close (0.93-0.98): one small typo, an initial, a title
        (0.156, 0.005),    // close (0.87-0.93): a word more or less, two typos
        (0.0068, 0.02),    // somewhat alike (0.80-0.87)
        (0.001, 0.25),     // different (0.65-0.80): brothers with one surname, twins
        (0.00005, 0.72),   // unrelated: a duplicate all but never carries another name (none in training)
    ];

    private static readonly double[] DateWeights =
    [
        W(0.714, 1 / 20000.0),  // the same date
        W(0.043, 1 / 2000.0),   // the same date, but one often written for an unknown one (1 January, 1 July, 31 December)
        W(0.092, 6 / 20000.0),  // 1-3 days apart
        W(0.032, 10 / 20000.0), // day and month swapped or two neighbouring digits transposed
        W(0.035, 2 / 20000.0),  // same day and month, one year apart
        W(0.035, 0.002),        // one digit of DDMMYYYY different
        W(0.0005, 1 / 365.0),   // same day and month, another year (none in training)
        W(0.033, 0.003),        // one of them an estimated date, in the same year
        W(0.001, 1 / 60.0),     // only the year
        W(0.012, 0.03),         // one of them an estimated date, at most five years apart: an age guessed
        W(0.0025, 0.94),        // different
    ];

    private static readonly double[] PlaceWeights =
    [
        W(0.436, 1 / 438.0),  // same kalurahan
        W(0.307, 5.2 / 438),  // neighbouring kalurahan
        W(0.148, 3 / 438.0),  // same kapanewon
        W(0.076, 0.2),        // same kabupaten/kota
        W(0.033, 0.78),       // elsewhere
    ];

    private static readonly double SameSexWeight = W(0.990, 0.5);

    private static readonly double OtherSexWeight = W(0.010, 0.5);

    // Two records of one person rarely both carry a NIK (the registry holds a NIK once, and the entry form stops a
    // second): a duplicate is mostly a record without NIK, or two. When both carry one, the NIKs' region and date
    // repeat what the place and date fields already weighed: two NIKs apart in the serial only are a mistyped
    // serial as often as twins or people with one estimated birth date from one kapanewon, who get neighbouring
    // serials; one or two digits apart in the region or date part, a mistyped NIK is likely.
    private static readonly double[] NikWeights =
    [
        W(0.813, 0.18),  // one of them without NIK
        W(0.152, 0.01),  // both without NIK
        W(0.005, 0.01),  // both, one or two digits apart in the region or date (none in training; a judgement)
        W(0.035, 0.035), // both, apart in the serial only: a typo or twins alike; the other fields decide
    ];

    /// <summary>Compares two records: the probability (0-1) that they are one person, and why, for people to read.</summary>
    public static MatchScore Compare(PersonToMatch a, PersonToMatch b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Compare(Prepare(a), Prepare(b));
    }

    /// <summary>A record ready for many comparisons (its name split and spelled once).</summary>
    public static PreparedPerson Prepare(PersonToMatch person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new PreparedPerson(person, MatchName.Of(person.NameKey));
    }

    public static MatchScore Compare(PreparedPerson a, PreparedPerson b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var levels = Levels(a, b);
        if (levels.Decided is { } decided)
        {
            return decided;
        }
        return new(ScoreOf(levels), Reasons(levels));
    }

    /// <summary>
    /// The level of agreement of each field (name, date, place, sex, NIK) as indexes into the weight tables, or null
    /// when the NIKs alone decide; for estimating the m and u values (see the tests' MatcherWeightsStudy).
    /// </summary>
    internal static int[]? LevelIndexes(PreparedPerson a, PreparedPerson b)
    {
        var levels = Levels(a, b);
        return levels.Decided is not null ? null
            : [(int)levels.NameLevel, (int)levels.Date, (int)levels.Place, levels.SameSex ? 0 : 1, (int)levels.Nik];
    }

    /// <summary>The score alone, without the reasons: for comparing many pairs.</summary>
    public static double Score(PreparedPerson a, PreparedPerson b) => Score(a, b, 0);

    /// <summary>
    /// The score, or 0 for a pair that cannot reach <paramref name="minimumScore"/> whatever its names (found out
    /// before comparing them, which is most of the time a full-registry scan spends).
    /// </summary>
    public static double Score(PreparedPerson a, PreparedPerson b, double minimumScore)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return ScoreAtLeast(a.Fields, b.Fields, WeightOf(minimumScore));
    }

    /// <summary>The log-odds weight a score stands for (the inverse of the logistic).</summary>
    internal static double WeightOf(double score) =>
        score <= 0 ? double.NegativeInfinity : score >= 1 ? double.PositiveInfinity : Math.Log2(score / (1 - score));

    internal static double ScoreAtLeast(in MatchFields a, in MatchFields b, double minimumWeight)
    {
        var levels = Levels(a, b, minimumWeight);
        return levels.Decided?.Score ?? ScoreOf(levels);
    }

    /// <summary>How alike two names are (0-1), whatever the order of their words; see <see cref="MatchName.Similarity"/>.</summary>
    public static double NameSimilarity(string a, string b) => MatchName.Similarity(MatchName.Of(a), MatchName.Of(b));

    /// <summary>
    /// The birth dates under which a duplicate of a person born on <paramref name="date"/> is looked for: the date
    /// itself, up to three days either side, day and month swapped, and one pair of neighbouring digits of
    /// DDMMYYYY transposed. Whether a date is among another's candidates is symmetric.
    /// </summary>
    public static IReadOnlyCollection<DateOnly> CandidateBirthDates(DateOnly date) => CandidatesOf(date);

    /// <summary><see cref="CandidateBirthDates"/> as a sorted array, cached.</summary>
    internal static DateOnly[] CandidatesOf(DateOnly date)
    {
        var slot = date.DayNumber - FirstCachedDay;
        if ((uint)slot >= (uint)CandidateDateCache.Length)
        {
            return ComputeCandidates(date);
        }
        // Two threads may both compute a day's dates: the same array either way.
        return CandidateDateCache[slot] ??= ComputeCandidates(date);
    }

    /// <summary>True for a date often written when the real one is not known: 1 January, 1 July, 31 December.</summary>
    public static bool LooksEstimated(DateOnly date) =>
        (date.Day == 1 && date.Month is 1 or 7) || (date.Day == 31 && date.Month == 12);

    private static DateOnly[] ComputeCandidates(DateOnly date)
    {
        var dates = new HashSet<DateOnly>();
        for (var d = -3; d <= 3; d++)
        {
            if (date.DayNumber + d >= DateOnly.MinValue.DayNumber && date.DayNumber + d <= DateOnly.MaxValue.DayNumber)
            {
                dates.Add(date.AddDays(d));
            }
        }
        AddIfDate(dates, date.Year, date.Day, date.Month);
        Span<char> digits = stackalloc char[8];
        date.TryFormat(digits, out _, "ddMMyyyy", CultureInfo.InvariantCulture);
        for (var i = 0; i < digits.Length - 1; i++)
        {
            (digits[i], digits[i + 1]) = (digits[i + 1], digits[i]);
            if (DateOnly.TryParseExact(digits, "ddMMyyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var transposed)
                && transposed.Year >= 1900)
            {
                dates.Add(transposed);
            }
            (digits[i], digits[i + 1]) = (digits[i + 1], digits[i]);
        }
        return [.. dates.Order()];
    }

    private readonly record struct FieldLevels(
        double Name, double NameShare, NameLevel NameLevel, DateLevel Date, int Days, Nearness Place, bool SameSex, NikLevel Nik, MatchScore? Decided);

    private static readonly double MaxNameWeight = NameMU.Max(l => W(l.M, l.U));

    private static readonly MatchScore Unlikely = new(0, "");

    private static readonly MatchScore SameNik = new(1, "NIK sama");

    private static readonly MatchScore OtherNik = new(0, "NIK berbeda");

    /// <summary>
    /// The levels of agreement. With <paramref name="minimumWeight"/>, a pair whose other fields leave it below that
    /// weight even with the same name is answered <see cref="Unlikely"/> without comparing the names (the scan).
    /// </summary>
    private static FieldLevels Levels(PreparedPerson a, PreparedPerson b, double minimumWeight = double.NegativeInfinity) =>
        Levels(a.Fields, b.Fields, minimumWeight);

    private static FieldLevels Levels(in MatchFields a, in MatchFields b, double minimumWeight)
    {
        var nik = a.Nik == 0 && b.Nik == 0 ? NikLevel.BothMissing : NikLevel.OneMissing;
        if (a.Nik != 0 && b.Nik != 0)
        {
            if (a.Nik == b.Nik && (a.Nik > 0 || string.Equals(a.NikText, b.NikText, StringComparison.Ordinal)))
            {
                return new(1, 0, NameLevel.Same, DateLevel.Same, 0, Nearness.SameVillage, true, NikLevel.OneMissing, SameNik);
            }
            // Two different valid NIKs are two people: a NIK is issued once. One or two digits apart may be a typo.
            var (region, serial) = a.Nik > 0 && b.Nik > 0 ? Differences(a.Nik, b.Nik) : Differences(a.NikText!, b.NikText!);
            if (region + serial > 2)
            {
                return new(0, 0, NameLevel.Different, DateLevel.Different, 0, Nearness.Elsewhere, true, NikLevel.OneMissing, OtherNik);
            }
            nik = region > 0 ? NikLevel.Typo : NikLevel.SerialOnly;
        }
        var (date, days) = DateLevelOf(a, b);
        var place = PlaceLevelOf(a, b);
        var sameSex = a.Sex == b.Sex;
        if (PriorWeight + MaxNameWeight + OtherWeights(date, place, sameSex, nik) < minimumWeight)
        {
            return new(0, 0, NameLevel.Unrelated, date, days, place, sameSex, nik, Unlikely);
        }
        var name = MatchName.Similarity(a.Name, b.Name);
        var nameLevel = name switch
        {
            >= 0.98 => a.Name.Words.Count > 1 && b.Name.Words.Count > 1 ? NameLevel.Same : NameLevel.SameOneWord,
            >= 0.93 => NameLevel.VeryClose,
            >= 0.87 => NameLevel.Close,
            >= 0.80 => NameLevel.Somewhat,
            >= 0.65 => NameLevel.Different,
            _ => NameLevel.Unrelated,
        };
        return new(name, Math.Max(a.NameShare, b.NameShare), nameLevel, date, days, place, sameSex, nik, null);
    }

    private static double OtherWeights(DateLevel date, Nearness place, bool sameSex, NikLevel nik) =>
        DateWeights[(int)date] + PlaceWeights[(int)place] + (sameSex ? SameSexWeight : OtherSexWeight) + NikWeights[(int)nik];

    /// <summary>
    /// Most weight any pair with clearly different names (below 0.80) may reach: a score under a third. Whatever else
    /// agrees, a duplicate needs a name like the other; in a dense registry, people born on one day in one
    /// kalurahan (and twins) are many, and a reviewer could not confirm such a pair anyway.
    /// </summary>
    private const double DifferentNameCeiling = -1;

    private static double ScoreOf(FieldLevels levels)
    {
        var weight = PriorWeight + NameWeight(levels) + OtherWeights(levels.Date, levels.Place, levels.SameSex, levels.Nik);
        if (levels.NameLevel is NameLevel.Different or NameLevel.Unrelated)
        {
            weight = Math.Min(weight, DifferentNameCeiling);
        }
        return Math.Round(1 / (1 + Math.Pow(2, -weight)), 4);
    }

    /// <summary>
    /// The weight of the name's agreement; for the same name, u is at least the share of the registry that carries
    /// that name (frequency-based matching, after Winkler).
    /// </summary>
    private static double NameWeight(FieldLevels levels)
    {
        var (m, u) = NameMU[(int)levels.NameLevel];
        return levels.NameLevel is NameLevel.Same or NameLevel.SameOneWord ? W(m, Math.Max(u, levels.NameShare)) : W(m, u);
    }

    private static string Reasons(FieldLevels levels)
    {
        var reasons = new List<string>(5)
        {
            levels.NameLevel is NameLevel.Same or NameLevel.SameOneWord
                ? "nama sama"
                : string.Create(Indonesian, $"nama {(levels.NameLevel <= NameLevel.Close ? "mirip" : "berbeda")} ({levels.Name:0.00})"),
            levels.Date switch
            {
                DateLevel.Same => "tanggal lahir sama",
                DateLevel.SameEstimated => "tanggal lahir sama (tanggal perkiraan)",
                DateLevel.NearDays => $"tanggal lahir selisih {levels.Days} hari",
                DateLevel.Transposed => "tanggal lahir mirip (angka tertukar)",
                DateLevel.YearApart => "tanggal dan bulan lahir sama, tahun selisih satu",
                DateLevel.OneDigit => "tanggal lahir beda satu angka",
                DateLevel.SameDayMonth => "tanggal dan bulan lahir sama, tahun berbeda",
                DateLevel.EstimatedSameYear => "tahun lahir sama (salah satu tanggal perkiraan)",
                DateLevel.SameYear => "tahun lahir sama",
                DateLevel.EstimatedNearYears => "tahun lahir dekat (salah satu tanggal perkiraan)",
                _ => "tanggal lahir berbeda",
            },
            levels.Place switch
            {
                Nearness.SameVillage => "kalurahan sama",
                Nearness.Neighbours => "kalurahan bertetangga",
                Nearness.SameDistrict => "kapanewon sama",
                Nearness.SameRegency => "kabupaten/kota sama",
                _ => "wilayah berjauhan",
            },
        };
        if (!levels.SameSex)
        {
            reasons.Add("jenis kelamin berbeda");
        }
        if (levels.Nik == NikLevel.OneMissing)
        {
            reasons.Add("NIK hanya ada di satu catatan");
        }
        else if (levels.Nik == NikLevel.BothMissing)
        {
            reasons.Add("keduanya tanpa NIK");
        }
        else if (levels.Nik == NikLevel.Typo)
        {
            reasons.Add("NIK hanya beda 1-2 angka");
        }
        else if (levels.Nik == NikLevel.SerialOnly)
        {
            reasons.Add("NIK hanya beda nomor urut");
        }
        return string.Join("; ", reasons);
    }

    private static (DateLevel, int) DateLevelOf(in MatchFields a, in MatchFields b)
    {
        if (a.Day == b.Day)
        {
            return (a.Estimated ? DateLevel.SameEstimated : DateLevel.Same, 0);
        }
        var days = Math.Abs(a.Day - b.Day);
        var years = Math.Abs(a.Year - b.Year);
        // An estimated date (1 January, 1 July, 31 December) tells the year at best: its day and month, and so a
        // day or a digit apart, say nothing.
        if (a.Estimated || b.Estimated)
        {
            return (years == 0 ? DateLevel.EstimatedSameYear : years <= 5 ? DateLevel.EstimatedNearYears : DateLevel.Different, days);
        }
        if (days <= 3)
        {
            return (DateLevel.NearDays, days);
        }
        // Day and month swapped, or two neighbouring digits (only dates close in the calendar or in their digits).
        if ((years <= 1 || (a.Month == b.Month && a.DayOfMonth == b.DayOfMonth) || a.Year / 100 == b.Year / 100)
            && Array.BinarySearch(CandidatesOf(DateOnly.FromDayNumber(a.Day)), DateOnly.FromDayNumber(b.Day)) >= 0)
        {
            return (DateLevel.Transposed, days);
        }
        if (a.Month == b.Month && a.DayOfMonth == b.DayOfMonth)
        {
            return (years == 1 ? DateLevel.YearApart : OneDigitApart(a, b) ? DateLevel.OneDigit : DateLevel.SameDayMonth, days);
        }
        if (OneDigitApart(a, b))
        {
            return (DateLevel.OneDigit, days);
        }
        return (years == 0 ? DateLevel.SameYear : DateLevel.Different, days);
    }

    /// <summary>True when DDMMYYYY of the two dates differ in exactly one digit (1950 / 1956, 12 / 17).</summary>
    private static bool OneDigitApart(in MatchFields a, in MatchFields b)
    {
        var differences = Digits(a.DayOfMonth, b.DayOfMonth, 2) + Digits(a.Month, b.Month, 2) + Digits(a.Year, b.Year, 4);
        return differences == 1;

        static int Digits(int x, int y, int count)
        {
            var n = 0;
            for (var i = 0; i < count; i++, x /= 10, y /= 10)
            {
                n += x % 10 == y % 10 ? 0 : 1;
            }
            return n;
        }
    }

    private static Nearness PlaceLevelOf(in MatchFields a, in MatchFields b)
    {
        if (a.Village >= 0 && b.Village >= 0)
        {
            return VillageNeighbours.Instance.Compare(a.Village, b.Village);
        }
        var (x, y) = (a.VillageCode, b.VillageCode);
        if (string.Equals(x, y, StringComparison.Ordinal))
        {
            return Nearness.SameVillage;
        }
        if (x.Length >= 8 && y.Length >= 8 && x.AsSpan(0, 8).SequenceEqual(y.AsSpan(0, 8)))
        {
            return Nearness.SameDistrict;
        }
        return x.Length >= 5 && y.Length >= 5 && x.AsSpan(0, 5).SequenceEqual(y.AsSpan(0, 5)) ? Nearness.SameRegency : Nearness.Elsewhere;
    }

    /// <summary><see cref="Differences(string, string)"/> of two NIKs as numbers.</summary>
    private static (int Region, int Serial) Differences(long a, long b)
    {
        var (region, serial) = (0, 0);
        for (var i = 0; i < 16 && region + serial <= 2; i++, a /= 10, b /= 10)
        {
            if (a % 10 != b % 10)
            {
                if (i < 4)
                {
                    serial++;
                }
                else
                {
                    region++;
                }
            }
        }
        return (region, serial);
    }

    /// <summary>Digits that differ in the region and date part (first 12) and in the serial (last 4) of two NIKs.</summary>
    private static (int Region, int Serial) Differences(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return (99, 99);
        }
        var (region, serial) = (0, 0);
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                if (i < a.Length - 4)
                {
                    region++;
                }
                else
                {
                    serial++;
                }
            }
        }
        return (region, serial);
    }

    private static void AddIfDate(HashSet<DateOnly> dates, int year, int month, int day)
    {
        if (month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            dates.Add(new DateOnly(year, month, day));
        }
    }

    private static double W(double m, double u) => Math.Log2(m / u);
}

/// <summary>A record with its name prepared for comparison (<see cref="BeneficiaryMatcher.Prepare"/>).</summary>
public sealed record PreparedPerson(PersonToMatch Person, MatchName Name)
{
    /// <summary>
    /// The share of the registry that carries this very name (in its common spelling), when known (0 otherwise):
    /// two "Sri Rahayu" agree by chance far more often than two "Kusumaningrum Prawirodiharjo".
    /// </summary>
    public double NameShare { get; internal set; }

    /// <summary>What the comparison reads, in one struct.</summary>
    internal MatchFields Fields => new(Person, Name, NameShare);
}

/// <summary>
/// The fields of one record that the comparison reads, in one struct: the full-registry scan keeps a million of
/// them in one array, in birth-date order, so that a record's candidates lie near it in memory.
/// </summary>
internal readonly struct MatchFields
{
    public MatchFields(PersonToMatch person, MatchName name, double nameShare)
    {
        Day = person.BirthDate.DayNumber;
        (Year, Month, DayOfMonth) = (person.BirthDate.Year, (byte)person.BirthDate.Month, (byte)person.BirthDate.Day);
        Estimated = BeneficiaryMatcher.LooksEstimated(person.BirthDate);
        Village = VillageNeighbours.Instance.IndexOf(person.VillageCode);
        VillageCode = person.VillageCode;
        Sex = person.Sex;
        NikText = person.Nik;
        // A NIK is 16 digits: a number, compared without strings. Anything else (not stored, but possible) as text.
        Nik = person.Nik is null ? 0
            : person.Nik.Length == 16 && long.TryParse(person.Nik, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number
            : -1;
        Name = name;
        NameShare = nameShare;
    }

    /// <summary>The birth date's day number, and its parts (read without taking the date apart each time).</summary>
    public int Day { get; }

    public int Year { get; }

    public byte Month { get; }

    public byte DayOfMonth { get; }

    /// <summary>The birth date is one often written for an unknown one (<see cref="BeneficiaryMatcher.LooksEstimated"/>).</summary>
    public bool Estimated { get; }

    /// <summary>The kalurahan's number (<see cref="VillageNeighbours.IndexOf"/>), -1 outside DIY.</summary>
    public int Village { get; }

    public string VillageCode { get; }

    public Sex Sex { get; }

    /// <summary>The NIK as a number; 0 without NIK, -1 for one that is not 16 digits (then <see cref="NikText"/>).</summary>
    public long Nik { get; }

    public string? NikText { get; }

    public MatchName Name { get; }

    public double NameShare { get; }
}
