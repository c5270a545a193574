using System.Globalization;
using Bogus;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Data.Seeding;
using Wahana.Web.Domain;

namespace Wahana.Bench;

/// <summary>
/// Adds synthetic beneficiaries to the demo WKSBM until the registry holds the wanted number of people: valid
/// unique NIKs (8% without NIK), families of 1-4 sharing a KK, 1-2 PPKS categories, and for a share of them one
/// service in the current semester and one in the previous. With <c>servicesTarget</c> (seed --services N) the
/// added people get about N services in all instead, spread over the last six semesters (after each person's
/// registration), of every kind, form and funding source, for the dashboard benchmark. Deterministic (fixed seed).
/// </summary>
internal sealed class LargeRegistry(Func<WahanaDbContext> newContext, int targetPeople, double servedShare, int? servicesTarget = null)
{
    private const int TrendSemesters = 6;

    private double _servicesPerPerson;

    private const int Batch = 5_000;
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private readonly Faker _faker = DemoFakes.NewFaker(4242);
    private readonly Dictionary<string, int> _serials = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedNiks = new(StringComparer.Ordinal);
    private readonly List<string> _kapanewon = [.. RegionCatalog.Instance.AllDiy
        .Where(r => r.Level == RegionLevel.Kecamatan).Select(r => r.Code).Order(StringComparer.Ordinal)];

    public async Task<int> FillAsync()
    {
        List<Institution> institutions;
        int existing;
        await using (var db = newContext())
        {
            institutions = await db.Institutions.IgnoreQueryFilters().AsNoTracking().OrderBy(i => i.VillageCode).ToListAsync();
            existing = await db.Beneficiaries.IgnoreQueryFilters().CountAsync();
            foreach (var nik in await db.Beneficiaries.IgnoreQueryFilters().Where(b => b.Nik != null).Select(b => b.Nik!).ToListAsync())
            {
                _usedNiks.Add(nik);
            }
        }
        if (institutions.Count == 0)
        {
            throw new InvalidOperationException("No WKSBM in the database: start the app on it once so that it seeds the demo.");
        }
        var toAdd = Math.Max(0, targetPeople - existing);
        _servicesPerPerson = servicesTarget is { } target && toAdd > 0 ? (double)target / toAdd : 0;
        var added = 0;
        while (added < toAdd)
        {
            var size = Math.Min(Batch, toAdd - added);
            await using var db = newContext();
            var people = NewPeople(institutions, size);
            db.Beneficiaries.AddRange(people);
            db.Services.AddRange(people.SelectMany(ServicesOf));
            await db.SaveChangesAsync();
            added += size;
            if (added % 100_000 < Batch)
            {
                Console.WriteLine($"  {existing + added:N0} people");
            }
        }
        return added;
    }

    private List<Beneficiary> NewPeople(List<Institution> institutions, int count)
    {
        var people = new List<Beneficiary>(count);
        while (people.Count < count)
        {
            var institution = institutions[_faker.Random.Int(0, institutions.Count - 1)];
            var familySize = Math.Min(count - people.Count, _faker.Random.Int(1, 4));
            var kapanewon = _faker.Random.Bool(0.85f) ? institution.VillageCode[..8] : _faker.PickRandom(_kapanewon);
            var withoutNik = _faker.Random.Bool(0.08f);
            var kk = withoutNik ? null : kapanewon.Replace(".", "", StringComparison.Ordinal)
                + _faker.Date.Past(15).ToString("ddMMyy", CultureInfo.InvariantCulture)
                + _faker.Random.Int(1, 9999).ToString("0000", CultureInfo.InvariantCulture);
            for (var i = 0; i < familySize; i++)
            {
                people.Add(NewPerson(institution, kapanewon, kk, withoutNik));
            }
        }
        return people;
    }

    private Beneficiary NewPerson(Institution institution, string kapanewon, string? kk, bool withoutNik)
    {
        var sex = DemoFakes.AnySex(_faker, 0.55f);
        var birth = Today.AddDays(-_faker.Random.Int(500, 95 * 365));
        var registered = DemoFakes.DateBetween(_faker, Later(birth.AddDays(30), Today.AddYears(-4)), Today.AddYears(-1));
        var person = new Beneficiary
        {
            Nik = withoutNik ? null : NewNik(kapanewon, birth, sex),
            Kk = kk,
            NoNikReason = withoutNik ? "Belum terdaftar di Dukcapil" : null,
            Name = DemoFakes.PersonName(_faker, sex),
            Sex = sex,
            BirthPlace = "Yogyakarta",
            BirthDate = birth,
            VillageCode = institution.VillageCode,
            Hamlet = institution.Hamlet,
            Address = institution.Hamlet,
            Desil = _faker.Random.Bool(0.85f) ? _faker.Random.Int(1, 6) : null,
            InstitutionId = institution.Id,
            RegisteredOn = registered,
            ConsentGivenOn = registered,
            ConsentGivenBy = "Yang bersangkutan",
            ConsentByGuardian = Today.Year - birth.Year < Beneficiary.AdultAge,
        };
        var first = _faker.Random.Int(1, 26);
        person.Categories.Add(new BeneficiaryCategory { BeneficiaryId = person.Id, CategoryId = first });
        if (_faker.Random.Bool(0.3f) && first != 24)
        {
            person.Categories.Add(new BeneficiaryCategory { BeneficiaryId = person.Id, CategoryId = 24 });
        }
        person.DeriveRegion();
        return person;
    }

    private IEnumerable<Service> ServicesOf(Beneficiary person) =>
        servicesTarget is null ? TwoSemestersOf(person) : SpreadServicesOf(person);

    /// <summary>0 to twice the average number of services, each in a random one of the last six semesters.</summary>
    private IEnumerable<Service> SpreadServicesOf(Beneficiary person)
    {
        var semesters = new List<Semester>();
        for (var (semester, i) = (Semester.Of(Today), 0); i < TrendSemesters; semester = semester.Previous, i++)
        {
            if (semester.End >= person.RegisteredOn)
            {
                semesters.Add(semester);
            }
        }
        var count = semesters.Count == 0 ? 0 : _faker.Random.Int(0, (int)Math.Round(2 * _servicesPerPerson));
        for (var i = 0; i < count; i++)
        {
            var semester = _faker.PickRandom(semesters);
            var from = semester.Start > person.RegisteredOn ? semester.Start : person.RegisteredOn;
            var until = semester.End < Today ? semester.End : Today;
            var form = _faker.PickRandom<ServiceForm>();
            var funding = _faker.PickRandom<FundingSource>();
            yield return new Service
            {
                BeneficiaryId = person.Id,
                InstitutionId = person.InstitutionId,
                RegencyCode = person.RegencyCode,
                Date = DemoFakes.DateBetween(_faker, from, until),
                Kind = _faker.PickRandom<ServiceKind>(),
                Form = form,
                ValueRupiah = form is ServiceForm.Pendampingan ? 0 : DemoFakes.Amount(_faker, 50_000, 1_000_000, 25_000),
                FundingSource = funding is FundingSource.Donasi or FundingSource.Csr ? FundingSource.Swadaya : funding,
            };
        }
    }

    private IEnumerable<Service> TwoSemestersOf(Beneficiary person)
    {
        var current = Semester.Of(Today);
        foreach (var semester in new[] { current.Previous, current })
        {
            if (!_faker.Random.Bool((float)servedShare))
            {
                continue;
            }
            var until = semester.End < Today ? semester.End : Today;
            yield return new Service
            {
                BeneficiaryId = person.Id,
                InstitutionId = person.InstitutionId,
                RegencyCode = person.RegencyCode,
                Date = DemoFakes.DateBetween(_faker, semester.Start, until),
                Kind = ServiceKind.Santunan,
                Form = ServiceForm.Barang,
                ValueRupiah = DemoFakes.Amount(_faker, 100_000, 500_000, 25_000),
                FundingSource = _faker.PickRandom(FundingSource.Swadaya, FundingSource.DanaDesa, FundingSource.ApbdKabupaten),
            };
        }
    }

    private string NewNik(string kapanewon, DateOnly birth, Sex sex)
    {
        var key = Nik.Compose(kapanewon, birth, sex, 1)[..12];
        while (true)
        {
            var serial = _serials.GetValueOrDefault(key) + 1;
            _serials[key] = serial;
            var nik = Nik.Compose(kapanewon, birth, sex, serial);
            if (_usedNiks.Add(nik))
            {
                return nik;
            }
        }
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
