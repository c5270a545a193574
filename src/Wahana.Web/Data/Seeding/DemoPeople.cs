using System.Globalization;
using Bogus;
using Wahana.Web.Domain;
using static Wahana.Web.Data.Seeding.DemoCategories;

namespace Wahana.Web.Data.Seeding;

/// <summary>
/// The beneficiaries (PPKS) of the demo WKSBM, registered household by household: each household shares a KK,
/// an address and a DTSEN desil, and consented on the day it was registered.
/// </summary>
internal static class DemoPeople
{
    private enum HouseholdKind
    {
        LansiaSendiri,
        LansiaBerdua,
        KeluargaMiskin,
        PerempuanRawan,
        Disabilitas,
        AnakTanpaPengasuh,
        KerentananLain,
    }

    private sealed record Member(Sex Sex, int Age, int[] Categories);

    private static readonly HouseholdKind[] Kinds = Enum.GetValues<HouseholdKind>();

    private static readonly int[] KindWeights = [26, 7, 20, 15, 13, 8, 11];

    private static readonly int[] Desils = [1, 2, 3, 4, 5, 6];

    private static readonly int[] DesilWeights = [35, 30, 18, 10, 5, 2];

    private static readonly int[] OtherVulnerabilities =
    [
        KorbanBencanaAlam, BekasWargaBinaan, PekerjaMigranBermasalah, Odha, KorbanNapza, KorbanKekerasan,
        KeluargaBermasalahPsikologis, Pemulung, KorbanBencanaSosial, Gelandangan, Pengemis,
    ];

    private static readonly int[] OtherVulnerabilityWeights = [20, 8, 12, 5, 6, 14, 12, 10, 5, 4, 4];

    private static readonly Dictionary<string, string> HomeBirthPlaces = new(StringComparer.Ordinal)
    {
        ["34.01"] = "Kulon Progo",
        ["34.02"] = "Bantul",
        ["34.03"] = "Gunungkidul",
        ["34.04"] = "Sleman",
        ["34.71"] = "Yogyakarta",
    };

    private static readonly string[] OtherBirthPlaces =
    [
        "Klaten", "Purworejo", "Magelang", "Wonogiri", "Surakarta", "Boyolali", "Kebumen", "Temanggung", "Sukoharjo", "Semarang", "Jakarta",
    ];

    private static readonly string[] CityLanes = ["Gang Melati", "Gang Kenanga", "Gang Mawar", "Gang Anggrek", "Gang Sawo", "Gang Manggis", "Gang Nangka"];

    /// <summary>Creates 55-90 beneficiaries for each WKSBM, all registered (consent given) between the two dates.</summary>
    public static List<Beneficiary> Create(
        Faker faker, IReadOnlyList<Institution> institutions, DateOnly registeredFrom, DateOnly registeredUntil, DateOnly today)
    {
        var generator = new Generator(faker, registeredFrom, registeredUntil, today);
        var people = new List<Beneficiary>();
        foreach (var institution in institutions)
        {
            var size = faker.Random.Int(55, 90);
            var firstRw = faker.Random.Int(1, 15);
            var start = people.Count;
            while (people.Count - start < size)
            {
                people.AddRange(generator.NewHousehold(institution, firstRw));
            }
        }
        return people;
    }

    private sealed class Generator(Faker faker, DateOnly registeredFrom, DateOnly registeredUntil, DateOnly today)
    {
        private readonly RegionCatalog _regions = RegionCatalog.Instance;
        private readonly HashSet<string> _niks = new(StringComparer.Ordinal);
        private readonly HashSet<string> _kks = new(StringComparer.Ordinal);

        // Ordered by code: the catalog's dictionary order is not stable from run to run.
        private readonly List<Region> _allKapanewon = [.. RegionCatalog.Instance.AllDiy
            .Where(r => r.Level == RegionLevel.Kecamatan)
            .OrderBy(r => r.Code, StringComparer.Ordinal)];

        public List<Beneficiary> NewHousehold(Institution institution, int firstRw)
        {
            var kind = DemoFakes.Weighted(faker, Kinds, KindWeights);
            var members = Members(kind);
            var birthDates = members.Select(m => BirthDateAt(m.Age)).ToList();
            var youngest = birthDates.Max();
            var registeredOn = DemoFakes.DateBetween(faker, Later(registeredFrom, youngest.AddDays(30)), registeredUntil);

            var withoutNik = faker.Random.Bool(NoNikChance(kind));
            // Mostly registered in the WKSBM's own kapanewon; some families moved in from elsewhere in DIY.
            var village = _regions.Find(institution.VillageCode)!;
            var kapanewonCode = faker.Random.Bool(0.88f) ? village.ParentCode! : faker.PickRandom(_allKapanewon).Code;
            var kk = withoutNik ? null : NewKk(kapanewonCode, DemoFakes.DateBetween(faker, Later(youngest, today.AddYears(-15)), registeredOn));

            var (rt, rw, address) = HomeIn(institution, village.IsCity, firstRw);
            int? desil = faker.Random.Bool(0.85f) ? DemoFakes.Weighted(faker, Desils, DesilWeights) : null;

            var names = members.Select(m => DemoFakes.PersonName(faker, m.Sex)).ToList();
            var adultIndex = members.FindIndex(m => m.Age >= Beneficiary.AdultAge);
            var household = new List<Beneficiary>();
            for (var i = 0; i < members.Count; i++)
            {
                var member = members[i];
                // Children consent through a parent or guardian, as do some very old people through a relative.
                var needsGuardian = member.Age < Beneficiary.AdultAge || (member.Age >= 80 && faker.Random.Bool(0.3f));
                var guardian = !needsGuardian ? null
                    : member.Age < Beneficiary.AdultAge && adultIndex >= 0 ? names[adultIndex]
                    : DemoFakes.PersonName(faker, DemoFakes.AnySex(faker, 0.7f));
                var isHead = i == 0 && member.Age >= Beneficiary.AdultAge;
                var person = new Beneficiary
                {
                    Nik = withoutNik ? null : NewNik(kapanewonCode, birthDates[i], member.Sex),
                    Kk = kk,
                    NoNikReason = withoutNik ? NoNikReason(member) : null,
                    Name = names[i],
                    Sex = member.Sex,
                    BirthPlace = faker.Random.Bool(member.Age < Beneficiary.AdultAge ? 0.95f : 0.8f)
                        ? HomeBirthPlaces[institution.RegencyCode]
                        : faker.PickRandom(OtherBirthPlaces),
                    BirthDate = birthDates[i],
                    VillageCode = institution.VillageCode,
                    Hamlet = institution.Hamlet,
                    Rt = rt,
                    Rw = rw,
                    Address = address,
                    Phone = isHead && faker.Random.Bool(member.Age >= 60 ? 0.25f : 0.5f) ? DemoFakes.MobilePhone(faker) : null,
                    Desil = desil,
                    InstitutionId = institution.Id,
                    RegisteredOn = registeredOn,
                    ConsentGivenOn = registeredOn,
                    ConsentGivenBy = guardian ?? names[i],
                    ConsentByGuardian = guardian is not null,
                    CreatedAt = DemoFakes.RecordedOn(registeredOn),
                };
                person.Categories.AddRange(member.Categories.Select(c => new BeneficiaryCategory { BeneficiaryId = person.Id, CategoryId = c }));
                person.DeriveRegion();
                Check(person);
                household.Add(person);
            }
            return household;
        }

        /// <summary>
        /// RT, RW and address of a home in the WKSBM's hamlet. A padukuhan spans one or two RW of a few RT each;
        /// in the city the WKSBM's hamlet is itself an RW ("RW 05"), with RT numbered across the kelurahan.
        /// </summary>
        private (string Rt, string Rw, string Address) HomeIn(Institution institution, bool isCity, int firstRw)
        {
            var rw = isCity ? int.Parse(institution.Hamlet.AsSpan("RW ".Length), CultureInfo.InvariantCulture) : firstRw + faker.Random.Int(0, 1);
            var rt = (isCity ? faker.Random.Int(1, 60) : faker.Random.Int(1, 8)).ToString("000", CultureInfo.InvariantCulture);
            var rwText = rw.ToString("000", CultureInfo.InvariantCulture);
            var address = isCity
                ? $"{faker.PickRandom(CityLanes)} No. {faker.Random.Int(1, 120).ToString(CultureInfo.InvariantCulture)}, RT {rt}/RW {rwText}"
                : $"Padukuhan {institution.Hamlet} RT {rt}/RW {rwText}";
            return (rt, rwText, address);
        }

        private List<Member> Members(HouseholdKind kind)
        {
            var members = new List<Member>();
            switch (kind)
            {
                case HouseholdKind.LansiaSendiri:
                    members.Add(new(DemoFakes.AnySex(faker, 0.62f), faker.Random.Int(60, 92),
                        WithMaybe(0.25f, LansiaTerlantar, faker.Random.Bool() ? PenyandangDisabilitas : FakirMiskin)));
                    break;
                case HouseholdKind.LansiaBerdua:
                    var husbandAge = faker.Random.Int(63, 90);
                    int[] elderly = faker.Random.Bool(0.3f) ? [LansiaTerlantar, FakirMiskin] : [LansiaTerlantar];
                    members.Add(new(Sex.LakiLaki, husbandAge, elderly));
                    members.Add(new(Sex.Perempuan, Math.Max(60, husbandAge - faker.Random.Int(0, 6)), elderly));
                    break;
                case HouseholdKind.KeluargaMiskin:
                    var head = new Member(DemoFakes.AnySex(faker, 0.15f), faker.Random.Int(28, 59), WithMaybe(0.15f, FakirMiskin, PenyandangDisabilitas));
                    members.Add(head);
                    if (faker.Random.Bool())
                    {
                        var spouseSex = head.Sex == Sex.LakiLaki ? Sex.Perempuan : Sex.LakiLaki;
                        members.Add(new(spouseSex, Math.Clamp(head.Age + faker.Random.Int(-6, 4), 20, 59), [FakirMiskin]));
                    }
                    AddChildren(members, head.Age, faker.Random.Int(0, 2), age => faker.Random.Bool(0.6f) ? FakirMiskin : NeglectedChild(age));
                    break;
                case HouseholdKind.PerempuanRawan:
                    var mother = new Member(Sex.Perempuan, faker.Random.Int(24, 55), WithMaybe(0.35f, Prse, FakirMiskin));
                    members.Add(mother);
                    AddChildren(members, mother.Age, faker.Random.Int(0, 3), age => faker.Random.Bool(0.12f) ? AnakDisabilitas : NeglectedChild(age));
                    break;
                case HouseholdKind.Disabilitas:
                    members.Add(faker.Random.Bool(0.75f)
                        ? new(DemoFakes.AnySex(faker), faker.Random.Int(18, 70), WithMaybe(0.3f, PenyandangDisabilitas, FakirMiskin))
                        : new(DemoFakes.AnySex(faker), faker.Random.Int(3, 17), [AnakDisabilitas]));
                    break;
                case HouseholdKind.AnakTanpaPengasuh:
                    var firstAge = faker.Random.Int(5, 17);
                    int[] childCategories = [DemoFakes.Weighted(faker,
                        [AnakTerlantar, AnakJalanan, AnakKorbanKekerasan, firstAge >= 12 ? AnakBerhadapanHukum : AnakTerlantar, AnakPerlindunganKhusus],
                        [55, 10, 12, 8, 15])];
                    members.Add(new(DemoFakes.AnySex(faker), firstAge, childCategories));
                    if (faker.Random.Bool(0.4f))
                    {
                        members.Add(new(DemoFakes.AnySex(faker), faker.Random.Int(5, 17), [AnakTerlantar]));
                    }
                    break;
                default:
                    var vulnerability = DemoFakes.Weighted(faker, OtherVulnerabilities, OtherVulnerabilityWeights);
                    var womenShare = vulnerability == KorbanKekerasan ? 0.9f : vulnerability == PekerjaMigranBermasalah ? 0.6f : 0.45f;
                    members.Add(new(DemoFakes.AnySex(faker, womenShare), faker.Random.Int(20, 58), WithMaybe(0.35f, vulnerability, FakirMiskin)));
                    break;
            }
            return members;
        }

        private void AddChildren(List<Member> members, int parentAge, int count, Func<int, int> categoryForAge)
        {
            for (var i = 0; i < count; i++)
            {
                var age = faker.Random.Int(2, Math.Min(17, parentAge - 18));
                members.Add(new(DemoFakes.AnySex(faker), age, [categoryForAge(age)]));
            }
        }

        private int[] WithMaybe(float chance, int category, int second) =>
            faker.Random.Bool(chance) ? [category, second] : [category];

        private static int NeglectedChild(int age) => age < 5 ? AnakBalitaTerlantar : AnakTerlantar;

        /// <summary>Old people living alone, children without carers and people on the street are the ones who lack papers.</summary>
        private static float NoNikChance(HouseholdKind kind) => kind switch
        {
            HouseholdKind.LansiaSendiri => 0.08f,
            HouseholdKind.AnakTanpaPengasuh => 0.15f,
            HouseholdKind.KerentananLain => 0.1f,
            _ => 0f,
        };

        private static string NoNikReason(Member member) => member.Age switch
        {
            < Beneficiary.AdultAge => "Anak belum memiliki akta kelahiran dan belum tercatat dalam KK; dirujuk ke Dukcapil",
            >= 60 => "Lansia belum pernah merekam KTP-el dan tidak tercatat dalam KK; dirujuk ke Dukcapil",
            _ => "Belum memiliki dokumen kependudukan; dirujuk ke Dukcapil",
        };

        /// <summary>A birth date at which the person is exactly the given age today.</summary>
        private DateOnly BirthDateAt(int age) => today.AddYears(-age).AddDays(-faker.Random.Int(1, 364));

        private string NewNik(string kapanewonCode, DateOnly birthDate, Sex sex)
        {
            while (true)
            {
                var nik = Nik.Compose(kapanewonCode, birthDate, sex, faker.Random.Int(1, 400));
                if (_niks.Add(nik))
                {
                    return nik;
                }
            }
        }

        /// <summary>A KK number: the issuing kapanewon (6 digits), the issue date DDMMYY and a serial from 0001.</summary>
        private string NewKk(string kapanewonCode, DateOnly issuedOn)
        {
            var region = kapanewonCode.Replace(".", "", StringComparison.Ordinal);
            var date = issuedOn.ToString("ddMMyy", CultureInfo.InvariantCulture);
            while (true)
            {
                var kk = region + date + faker.Random.Int(1, 9999).ToString("0000", CultureInfo.InvariantCulture);
                if (_kks.Add(kk))
                {
                    return kk;
                }
            }
        }

        private void Check(Beneficiary person)
        {
            DemoFakes.EnsureValid(person.Validate(_regions, today), person.Name);
            var age = person.AgeOn(today);
            if (person.Categories.Any(c => IsForChildren(c.CategoryId)) && age >= Beneficiary.AdultAge
                || person.Categories.Any(c => c.CategoryId == LansiaTerlantar) && age < 60)
            {
                throw new InvalidOperationException($"Demo beneficiary {person.Name} ({age} years) has a category that does not fit the age.");
            }
        }

        private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
    }
}
