using Bogus;
using Wahana.Web.Domain;
using static Wahana.Web.Data.Seeding.DemoCategories;

namespace Wahana.Web.Data.Seeding;

/// <summary>
/// The services of the demo WKSBM in the two last complete semesters and the current one so far: mostly group
/// distributions (one Service per person, linked to the Distribution), plus individual home visits, referrals,
/// assistive devices and home repairs.
/// </summary>
internal static class DemoServices
{
    /// <summary>A distribution for fewer people than this is recorded as individual services instead.</summary>
    private const int MinGroupSize = 5;

    private sealed record Funder(FundingSource Source, Partner? Partner = null);

    private sealed record GroupActivity(
        string Title, ServiceKind Kind, ServiceForm Form, int MinValue, int MaxValue, int Step,
        Func<Beneficiary, int, bool> IsFor, Funder[] Funders);

    /// <summary>The WKSBM and the days of a semester it can record services on (never after today).</summary>
    private sealed record Window(Institution Institution, DateOnly From, DateOnly Until);

    private sealed record AssistiveDevice(string Name, int MinValue, int MaxValue);

    private static readonly AssistiveDevice[] Devices =
    [
        new("Kursi roda", 1_500_000, 3_000_000),
        new("Kruk", 750_000, 1_250_000),
        new("Alat bantu dengar", 1_000_000, 2_500_000),
        new("Tongkat kaki empat", 750_000, 1_000_000),
    ];

    /// <summary>The semesters with services: the two last complete ones before today, and the current one.</summary>
    public static Semester[] Semesters(DateOnly today)
    {
        var current = Semester.Of(today);
        return [current.Previous.Previous, current.Previous, current];
    }

    public static (List<Distribution> Distributions, List<Service> Services) Create(
        Faker faker, IReadOnlyList<Institution> institutions, IReadOnlyList<Beneficiary> people, DemoPartners partners, DateOnly today)
    {
        var generator = new Generator(faker, partners, today);
        var peopleOf = people.ToLookup(p => p.InstitutionId);
        foreach (var institution in institutions)
        {
            var pool = peopleOf[institution.Id].ToList();
            foreach (var semester in Semesters(today))
            {
                generator.ServeSemester(institution, pool, semester);
            }
        }
        return (generator.Distributions, generator.Services);
    }

    private sealed class Generator(Faker faker, DemoPartners partners, DateOnly today)
    {
        private readonly GroupActivity[] _activities =
        [
            new("Penyaluran sembako lansia", ServiceKind.Santunan, ServiceForm.Barang, 150_000, 300_000, 25_000,
                (p, _) => Has(p, LansiaTerlantar),
                [new(FundingSource.Swadaya), new(FundingSource.DanaDesa), new(FundingSource.ZakatInfaq),
                 new(FundingSource.Donasi, partners.Baznas), new(FundingSource.Donasi, partners.SedekahRombongan), new(FundingSource.ApbdKabupaten)]),
            new("Bantuan tunai keluarga miskin", ServiceKind.Santunan, ServiceForm.Tunai, 200_000, 500_000, 50_000,
                (p, age) => age >= Beneficiary.AdultAge && (Has(p, FakirMiskin) || p.Desil <= 2),
                [new(FundingSource.ApbdKabupaten), new(FundingSource.ApbdProvinsi), new(FundingSource.DanaDesa),
                 new(FundingSource.ZakatInfaq), new(FundingSource.Donasi, partners.Baznas)]),
            new("Pelatihan usaha ekonomi produktif", ServiceKind.Pemberdayaan, ServiceForm.Pelatihan, 100_000, 350_000, 25_000,
                (p, age) => age is >= Beneficiary.AdultAge and < 60 && !Has(p, LansiaTerlantar),
                [new(FundingSource.ApbdProvinsi), new(FundingSource.DanaDesa), new(FundingSource.Apbn), new(FundingSource.Csr, partners.BankBpd)]),
            new("Pemeriksaan kesehatan lansia dan disabilitas", ServiceKind.Perlindungan, ServiceForm.Kesehatan, 25_000, 100_000, 5_000,
                (p, _) => Has(p, LansiaTerlantar, PenyandangDisabilitas, AnakDisabilitas),
                [new(FundingSource.Swadaya), new(FundingSource.DanaDesa), new(FundingSource.Donasi, partners.Ugm)]),
            new("Bantuan perlengkapan sekolah anak", ServiceKind.Santunan, ServiceForm.Pendidikan, 150_000, 400_000, 50_000,
                (_, age) => age is >= 5 and < Beneficiary.AdultAge,
                [new(FundingSource.ZakatInfaq), new(FundingSource.ApbdKabupaten), new(FundingSource.Csr, partners.BankBpd),
                 new(FundingSource.Donasi, partners.SedekahRombongan)]),
        ];

        // For everyone served in a semester who was not yet in one of the activities above.
        private readonly GroupActivity _sembakoForAll = new("Penyaluran sembako warga rentan", ServiceKind.Santunan, ServiceForm.Barang,
            150_000, 250_000, 25_000, (_, _) => true,
            [new(FundingSource.Swadaya), new(FundingSource.DanaDesa), new(FundingSource.ZakatInfaq),
             new(FundingSource.Donasi, partners.Baznas), new(FundingSource.Csr, partners.BankBpd)]);

        private readonly Funder[] _deviceFunders =
            [new(FundingSource.ApbdProvinsi), new(FundingSource.Apbn), new(FundingSource.Csr, partners.BankBpd), new(FundingSource.Donasi, partners.Baznas)];

        private readonly Funder[] _homeRepairFunders =
            [new(FundingSource.DanaDesa), new(FundingSource.ApbdKabupaten), new(FundingSource.Apbn), new(FundingSource.Csr, partners.BankBpd), new(FundingSource.Donasi, partners.Baznas)];

        private readonly Funder _swadaya = new(FundingSource.Swadaya);

        public List<Distribution> Distributions { get; } = [];

        public List<Service> Services { get; } = [];

        /// <summary>
        /// Serves 32-78 distinct people of the WKSBM in a complete semester (the domain's 30-80), and the elapsed
        /// share of that in the current one. Everyone chosen gets at least one service; nobody else gets any.
        /// </summary>
        public void ServeSemester(Institution institution, List<Beneficiary> pool, Semester semester)
        {
            var isComplete = semester.End < today;
            var until = isComplete ? semester.End : today;
            var target = faker.Random.Int(32, Math.Min(78, pool.Count));
            if (!isComplete)
            {
                var elapsed = (double)(until.DayNumber - semester.Start.DayNumber + 1) / (semester.End.DayNumber - semester.Start.DayNumber + 1);
                target = (int)Math.Round(target * elapsed);
            }
            var served = faker.Random.Shuffle(pool).Take(target).ToList();
            var window = new Window(institution, semester.Start, until);

            var covered = new HashSet<Beneficiary>();
            foreach (var activity in faker.Random.Shuffle(_activities).Take(faker.Random.Int(2, 4)).ToList())
            {
                var recipients = new List<Beneficiary>();
                foreach (var person in served)
                {
                    if (activity.IsFor(person, person.AgeOn(until)) && faker.Random.Bool(0.9f))
                    {
                        recipients.Add(person);
                    }
                }
                if (recipients.Count >= MinGroupSize)
                {
                    AddDistribution(window, activity, recipients);
                    covered.UnionWith(recipients);
                }
            }

            var rest = served.Where(p => !covered.Contains(p)).ToList();
            if (rest.Count >= MinGroupSize)
            {
                AddDistribution(window, _sembakoForAll, rest);
            }
            else
            {
                rest.ForEach(p => AddIndividual(window, p));
            }

            foreach (var person in served)
            {
                if (faker.Random.Bool(0.12f))
                {
                    AddIndividual(window, person);
                }
            }

            // A home repair (RTLH) is rare: for about one WKSBM in three each semester.
            var poorest = served.Where(p => Has(p, FakirMiskin, LansiaTerlantar) && p.AgeOn(until) >= Beneficiary.AdultAge).ToList();
            if (isComplete && poorest.Count > 0 && faker.Random.Bool(0.3f))
            {
                Add(window, faker.PickRandom(poorest), RandomDate(window), ServiceKind.RehabilitasiSosial, ServiceForm.BedahRumah,
                    DemoFakes.Amount(faker, 10_000_000, 20_000_000, 500_000), faker.PickRandom(_homeRepairFunders),
                    "Rehabilitasi rumah tidak layak huni (RTLH)");
            }
        }

        private void AddDistribution(Window window, GroupActivity activity, List<Beneficiary> recipients)
        {
            var date = RandomDate(window);
            var funder = faker.PickRandom(activity.Funders);
            var distribution = new Distribution
            {
                InstitutionId = window.Institution.Id,
                RegencyCode = window.Institution.RegencyCode,
                Name = $"{activity.Title} {DemoFakes.MonthName(date)} {date.Year}",
                Date = date,
                Kind = activity.Kind,
                Form = activity.Form,
                FundingSource = funder.Source,
                PartnerId = partners.FunderAt(window.Institution, funder.Source, funder.Partner)?.Id,
                CreatedAt = DemoFakes.RecordedOn(date),
            };
            Distributions.Add(distribution);
            // Everyone in a distribution receives the same package.
            var value = DemoFakes.Amount(faker, activity.MinValue, activity.MaxValue, activity.Step);
            foreach (var person in recipients)
            {
                Add(window, person, date, activity.Kind, activity.Form, value, funder, notes: null, distribution.Id);
            }
        }

        /// <summary>A service for one person, fitting what they need: papers, a device, a referral, emergency aid or a home visit.</summary>
        private void AddIndividual(Window window, Beneficiary person)
        {
            var date = RandomDate(window);
            var age = person.AgeOn(date);
            if (person.Nik is null)
            {
                Add(window, person, date, ServiceKind.Rujukan, ServiceForm.Pendampingan, 0, _swadaya,
                    "Didampingi ke Dukcapil untuk perekaman data kependudukan");
            }
            else if (Has(person, PenyandangDisabilitas, AnakDisabilitas) && faker.Random.Bool(0.4f))
            {
                var device = faker.PickRandom(Devices);
                Add(window, person, date, ServiceKind.RehabilitasiSosial, ServiceForm.AlatBantu,
                    DemoFakes.Amount(faker, device.MinValue, device.MaxValue, 50_000), faker.PickRandom(_deviceFunders), device.Name);
            }
            else if (Has(person, KorbanKekerasan, AnakKorbanKekerasan) && faker.Random.Bool(0.5f))
            {
                Add(window, person, date, ServiceKind.Perlindungan, ServiceForm.Pendampingan, 0, _swadaya,
                    "Pendampingan ke UPTD Perlindungan Perempuan dan Anak");
            }
            else if (age < Beneficiary.AdultAge && faker.Random.Bool(0.3f))
            {
                Add(window, person, date, ServiceKind.Rujukan, ServiceForm.Pendampingan, 0, _swadaya,
                    "Dirujuk ke BRSPA DIY untuk asesmen dan pengasuhan");
            }
            else if (age >= 60 && faker.Random.Bool(0.3f))
            {
                var kapanewon = RegionCatalog.Instance.Find(RegionCatalog.Instance.Find(window.Institution.VillageCode)?.ParentCode);
                Add(window, person, date, ServiceKind.Rujukan, ServiceForm.Kesehatan, 0, _swadaya,
                    $"Dirujuk ke Puskesmas {kapanewon?.Name} untuk pemeriksaan lanjutan");
            }
            else if (faker.Random.Bool(0.2f))
            {
                Add(window, person, date, ServiceKind.Santunan, ServiceForm.Tunai, DemoFakes.Amount(faker, 200_000, 500_000, 50_000),
                    faker.Random.Bool() ? _swadaya : new Funder(FundingSource.ZakatInfaq), "Santunan darurat saat sakit");
            }
            else
            {
                // Volunteers visit on foot; sometimes the WKSBM pays their transport.
                var value = faker.Random.Bool(0.7f) ? 0 : DemoFakes.Amount(faker, 25_000, 50_000, 5_000);
                Add(window, person, date, ServiceKind.Perlindungan, ServiceForm.Pendampingan, value, _swadaya,
                    "Kunjungan rumah dan pendampingan oleh relawan");
            }
        }

        private void Add(
            Window window, Beneficiary person, DateOnly date, ServiceKind kind, ServiceForm form, long value, Funder funder,
            string? notes, Guid? distributionId = null)
        {
            var service = new Service
            {
                BeneficiaryId = person.Id,
                InstitutionId = window.Institution.Id,
                RegencyCode = window.Institution.RegencyCode,
                DistributionId = distributionId,
                Date = date,
                Kind = kind,
                Form = form,
                ValueRupiah = value,
                FundingSource = funder.Source,
                PartnerId = partners.FunderAt(window.Institution, funder.Source, funder.Partner)?.Id,
                Notes = notes,
                CreatedAt = DemoFakes.RecordedOn(date),
            };
            DemoFakes.EnsureValid(service.Validate(today), $"a service of {window.Institution.Name}");
            Services.Add(service);
        }

        private DateOnly RandomDate(Window window) => DemoFakes.DateBetween(faker, window.From, window.Until);
    }
}
