using System.Globalization;
using Bogus;
using Wahana.Web.Domain;
using Wahana.Web.Domain.Matching;

namespace Wahana.Web.Data.Seeding;

/// <summary>
/// The duplicates of the demo province: ten people registered a second time, recently and without NIK, by the WKSBM
/// of a neighbouring kalurahan (one of them across a kabupaten/kota border), the name or birth date written a little
/// differently each time, as happens when someone moves or is known to two WKSBM. The full-registry scan at the end
/// of seeding puts them in the review queue.
/// </summary>
internal static class DemoDuplicates
{
    public const int Count = 10;

    private const string NoNikReason = "Belum membawa KTP atau KK saat didata; NIK akan dilengkapi";

    /// <summary>The second records, each a changed copy of a person of a neighbouring WKSBM.</summary>
    public static List<(Beneficiary Copy, Guid OriginalId)> Create(Faker faker, IReadOnlyList<Institution> institutions, IReadOnlyList<Beneficiary> people, DateOnly today)
    {
        var regions = RegionCatalog.Instance;
        var byInstitution = people.ToLookup(p => p.InstitutionId);
        // WKSBM whose kalurahan border each other, in a stable order; one pair across a kabupaten/kota border first.
        var ordered = institutions.OrderBy(i => i.VillageCode, StringComparer.Ordinal).ToList();
        var neighbours = ordered
            .SelectMany(a => ordered.Where(b => b.Id != a.Id && VillageNeighbours.Instance.AreNeighbours(a.VillageCode, b.VillageCode)).Select(b => (From: a, To: b)))
            .ToList();
        var across = neighbours.Where(n => n.From.RegencyCode != n.To.RegencyCode).Take(1);
        var within = faker.Random.Shuffle(neighbours.Where(n => n.From.RegencyCode == n.To.RegencyCode)).ToList();
        var chosen = new List<(Institution From, Institution To)>();
        foreach (var pair in across.Concat(within))
        {
            if (chosen.Count < Count && !chosen.Any(c => c.From.Id == pair.From.Id || c.To.Id == pair.From.Id))
            {
                chosen.Add(pair);
            }
        }
        var copies = new List<(Beneficiary, Guid)>();
        for (var i = 0; i < chosen.Count; i++)
        {
            var (from, to) = chosen[i];
            // An adult with a NIK, whose copy then has none: the second WKSBM registered them from memory.
            var original = faker.PickRandom(byInstitution[from.Id].Where(p => p.Nik is not null && p.AgeOn(today) >= Beneficiary.AdultAge)
                .OrderBy(p => p.Name, StringComparer.Ordinal).ToList());
            var registeredOn = today.AddDays(-faker.Random.Int(7, 75));
            var copy = new Beneficiary
            {
                Nik = null,
                NoNikReason = NoNikReason,
                Name = Variant(i, original),
                Sex = original.Sex,
                BirthPlace = original.BirthPlace,
                BirthDate = BirthDateVariant(i, original.BirthDate, today),
                VillageCode = to.VillageCode,
                Hamlet = to.Hamlet,
                Rt = faker.Random.Int(1, 8).ToString("000", CultureInfo.InvariantCulture),
                Rw = faker.Random.Int(1, 12).ToString("000", CultureInfo.InvariantCulture),
                Address = regions.Find(to.VillageCode)!.IsCity ? $"Kampung {to.Hamlet}" : $"Padukuhan {to.Hamlet}",
                Desil = original.Desil,
                InstitutionId = to.Id,
                RegisteredOn = registeredOn,
                ConsentGivenOn = registeredOn,
                ConsentGivenBy = original.ConsentByGuardian ? original.ConsentGivenBy : Variant(i, original),
                ConsentByGuardian = original.ConsentByGuardian,
                CreatedAt = DemoFakes.RecordedOn(registeredOn),
            };
            copy.Categories.AddRange(original.Categories.Select(c => new BeneficiaryCategory { BeneficiaryId = copy.Id, CategoryId = c.CategoryId }));
            copy.DeriveRegion();
            DemoFakes.EnsureValid(copy.Validate(regions, today), copy.Name);
            copies.Add((copy, original.Id));
        }
        return copies;
    }

    /// <summary>How the second WKSBM wrote the name: a typo, the old spelling, another order, a title, an initial...</summary>
    private static string Variant(int index, Beneficiary original)
    {
        var words = original.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var last = words[^1];
        return (index % Count) switch
        {
            0 => original.Name,
            1 when last.Length > 4 => string.Join(' ', words[..^1].Append(last[..2] + last[3] + last[2] + last[4..])),
            2 when original.Name.Contains('u', StringComparison.Ordinal) => ReplaceFirst(original.Name, "u", "oe"),
            3 when words.Length >= 2 => string.Join(' ', words.Skip(1).Append(words[0])),
            4 => (original.Sex == Sex.Perempuan ? "Bu " : "Pak ") + original.Name,
            5 when words.Length >= 2 => $"{words[0][0]}. {string.Join(' ', words[1..])}",
            6 when original.Name.Contains('y', StringComparison.Ordinal) => ReplaceFirst(original.Name, "y", "j"),
            7 when last.Length > 3 => string.Join(' ', words[..^1].Append(last + last[^1])),
            _ => original.Name,
        };
    }

    /// <summary>The birth date as written: mostly the same, sometimes a day or two off or day and month swapped.</summary>
    private static DateOnly BirthDateVariant(int index, DateOnly born, DateOnly today) => index switch
    {
        2 when born.AddDays(1) <= today => born.AddDays(1),
        6 when born.Day <= 12 && born.Day != born.Month && new DateOnly(born.Year, born.Day, Math.Min(born.Month, 28)) is var swapped
            && swapped.Day == born.Month => swapped,
        8 => born.AddDays(-2),
        _ => born,
    };

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    }
}
