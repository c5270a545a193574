using Bogus;
using Bogus.DataSets;
using Wahana.Web.Domain;

namespace Wahana.Web.Data.Seeding;

/// <summary>What the demo data generators share: seeded fakers, names, phone numbers, dates and amounts.</summary>
internal static class DemoFakes
{
    private static readonly string[] MonthNames =
    [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ];

    private static readonly string[] MobilePrefixes =
    [
        "0811", "0812", "0813", "0821", "0822", "0852", "0853", "0856", "0857", "0858", "0877", "0878", "0881", "0895", "0896",
    ];

    /// <summary>
    /// A faker with its own seeded randomizer. Bogus's global Randomizer.Seed would be shared with anything else
    /// that uses Bogus in the process, and the data would no longer be the same from run to run.
    /// </summary>
    public static Faker NewFaker(int seed) => new("id_ID") { Random = new Randomizer(seed) };

    public static Sex AnySex(Faker faker, float womenShare = 0.5f) =>
        faker.Random.Bool(womenShare) ? Sex.Perempuan : Sex.LakiLaki;

    public static string PersonName(Faker faker, Sex sex)
    {
        var gender = sex == Sex.Perempuan ? Name.Gender.Female : Name.Gender.Male;
        return $"{faker.Name.FirstName(gender)} {faker.Name.LastName(gender)}";
    }

    /// <summary>A mobile number as people write it: 08xx followed by 7 or 8 digits.</summary>
    public static string MobilePhone(Faker faker) =>
        faker.PickRandom(MobilePrefixes) + faker.Random.ReplaceNumbers(faker.Random.Bool() ? "#######" : "########");

    /// <summary>One of the items, each as likely as its weight (weights are relative: 26 and 13 mean twice as likely).</summary>
    public static T Weighted<T>(Faker faker, T[] items, int[] weights)
    {
        var pick = faker.Random.Int(1, weights.Sum());
        for (var i = 0; i < items.Length; i++)
        {
            pick -= weights[i];
            if (pick <= 0)
            {
                return items[i];
            }
        }
        throw new ArgumentException("There must be as many weights as items.", nameof(weights));
    }

    public static DateOnly DateBetween(Faker faker, DateOnly from, DateOnly until) =>
        from.AddDays(faker.Random.Int(0, until.DayNumber - from.DayNumber));

    /// <summary>A whole-rupiah amount between min and max, rounded to step (e.g. Rp 25.000).</summary>
    public static long Amount(Faker faker, int min, int max, int step) =>
        (long)faker.Random.Int(min / step, max / step) * step;

    public static string MonthName(DateOnly date) => MonthNames[date.Month - 1];

    /// <summary>10:00 WIB on the given day, as the moment a row was recorded.</summary>
    public static DateTimeOffset RecordedOn(DateOnly date) => new(date.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero);

    /// <summary>Stops the seeding when a generated row breaks a domain rule, so bad demo data never reaches the database.</summary>
    public static void EnsureValid(IReadOnlyList<RuleViolation> violations, string what)
    {
        if (violations.Count > 0)
        {
            throw new InvalidOperationException(
                $"Demo data for {what} breaks domain rules: " + string.Join(" ", violations.Select(v => $"{v.Field}: {v.Message}")));
        }
    }
}
