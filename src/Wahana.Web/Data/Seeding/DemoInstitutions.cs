using System.Globalization;
using Bogus;
using Wahana.Web.Domain;

namespace Wahana.Web.Data.Seeding;

/// <summary>The 81 WKSBM of the demo province (as DIY had in 2016), each in its own kalurahan, with their boards.</summary>
internal static class DemoInstitutions
{
    private static readonly (string RegencyCode, int Count)[] PerRegency =
    [
        ("34.01", 15), // Kulon Progo
        ("34.02", 18), // Bantul
        ("34.03", 20), // Gunungkidul
        ("34.04", 17), // Sleman
        ("34.71", 11), // Kota Yogyakarta
    ];

    private static readonly string[] Mottos =
    [
        "Ngudi Rahayu", "Ngudi Makmur", "Sido Mulyo", "Guyub Rukun", "Tresna Asih", "Mugi Lestari", "Rukun Santosa",
        "Manunggal Karsa", "Karya Bakti", "Bina Sejahtera", "Peduli Kasih", "Tunas Harapan", "Ngesti Utomo", "Sumber Kasih",
        "Gotong Royong", "Sekar Arum", "Among Warga", "Margo Mulyo", "Handayani", "Asih Asuh", "Dharma Bakti", "Sambung Rasa",
    ];

    // Padukuhan names are made from common Javanese parts: Karang + rejo = Karangrejo, sometimes with a quarter (Lor).
    private static readonly string[] HamletStems = ["Karang", "Sumber", "Kali", "Watu", "Banyu", "Tegal", "Wono", "Pandan", "Jati", "Ngesti", "Sido"];

    private static readonly string[] HamletEndings = ["gede", "rejo", "sari", "anyar", "asri", "mulyo", "harjo", "tengah", "wangi", "agung"];

    private static readonly string[] HamletQuarters = ["Lor", "Kidul", "Wetan", "Kulon"];

    public static List<Institution> Create(Faker faker, DateOnly today)
    {
        var regions = RegionCatalog.Instance;
        var hamlets = new HashSet<string>(StringComparer.Ordinal);
        var institutions = new List<Institution>();
        foreach (var (regencyCode, count) in PerRegency)
        {
            foreach (var village in PickVillages(faker, regions, regencyCode, count))
            {
                var institution = NewInstitution(faker, regions, village, hamlets, today);
                DemoFakes.EnsureValid(institution.Validate(regions, today), institution.Name);
                institutions.Add(institution);
            }
        }
        return institutions;
    }

    /// <summary>Different kalurahan, taken in turn from the shuffled kapanewon so the WKSBM spread over the whole district.</summary>
    private static List<Region> PickVillages(Faker faker, RegionCatalog regions, string regencyCode, int count)
    {
        var kapanewon = faker.Random.Shuffle(regions.ChildrenOf(regencyCode)).ToList();
        var picked = new List<Region>();
        for (var i = 0; i < count; i++)
        {
            var free = regions.ChildrenOf(kapanewon[i % kapanewon.Count].Code).Where(v => !picked.Contains(v)).ToList();
            picked.Add(faker.PickRandom(free));
        }
        return picked;
    }

    private static Institution NewInstitution(Faker faker, RegionCatalog regions, Region village, HashSet<string> hamlets, DateOnly today)
    {
        var kapanewon = regions.Find(village.ParentCode)!;
        var motto = faker.PickRandom(Mottos);
        string hamlet, name, address;
        if (village.IsCity)
        {
            // In the city a WKSBM serves a neighbourhood (RW) of a kelurahan.
            hamlet = "RW " + faker.Random.Int(1, 14).ToString("00", CultureInfo.InvariantCulture);
            name = $"WKSBM {motto} {hamlet} {village.Name}";
            address = $"Pendapa {hamlet}, {village.DisplayName}, {kapanewon.DisplayName}";
        }
        else
        {
            hamlet = NewPadukuhan(faker, hamlets);
            name = $"WKSBM {motto} Padukuhan {hamlet}";
            address = $"Balai Padukuhan {hamlet}, {village.DisplayName}, {kapanewon.DisplayName}";
        }

        var establishedOn = today.AddYears(-faker.Random.Int(10, 17)).AddDays(-faker.Random.Int(0, 364));
        var decreeDate = establishedOn.AddDays(faker.Random.Int(7, 90));
        var institution = new Institution
        {
            Name = name,
            VillageCode = village.Code,
            Hamlet = hamlet,
            Address = address,
            EstablishedOn = establishedOn,
            DecreeNumber = $"{faker.Random.Int(3, 48).ToString(CultureInfo.InvariantCulture)} Tahun {decreeDate.Year.ToString(CultureInfo.InvariantCulture)}",
            DecreeDate = decreeDate,
            DecreeIssuer = $"Lurah {village.Name}",
            Status = InstitutionStatus.Aktif,
        };
        institution.DeriveRegion();

        BoardPosition[] positions =
        [
            BoardPosition.Ketua, BoardPosition.Sekretaris, BoardPosition.Bendahara,
            .. Enumerable.Repeat(BoardPosition.Seksi, faker.Random.Int(0, 3)),
        ];
        foreach (var position in positions)
        {
            institution.BoardMembers.Add(new BoardMember
            {
                InstitutionId = institution.Id,
                Name = DemoFakes.PersonName(faker, DemoFakes.AnySex(faker)),
                Position = position,
                Phone = DemoFakes.MobilePhone(faker),
            });
        }
        return institution;
    }

    private static string NewPadukuhan(Faker faker, HashSet<string> taken)
    {
        while (true)
        {
            var name = faker.PickRandom(HamletStems) + faker.PickRandom(HamletEndings);
            if (faker.Random.Bool(0.2f))
            {
                name += " " + faker.PickRandom(HamletQuarters);
            }
            if (taken.Add(name))
            {
                return name;
            }
        }
    }
}
