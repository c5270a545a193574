using System.Globalization;
using Bogus;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Wahana.Web.Data;
using Wahana.Web.Data.Seeding;
using Wahana.Web.Domain;
using Wahana.Web.Features.BeneficiaryImport;

namespace Wahana.Bench;

/// <summary>
/// Writes an import file for the import benchmark: <c>rows</c> valid people for the WKSBM of a demo account, living
/// in the kalurahan of that WKSBM's kapanewon, with valid NIKs (<see cref="Nik.Compose"/>) that the registry does
/// not hold yet (8% without NIK), 1-2 PPKS categories, consent, and Excel date cells for the birth dates.
/// Deterministic for a given database (fixed seed).
/// </summary>
internal sealed class ImportFile(Func<WahanaDbContext> newContext, string userName, int rows, string output)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private readonly Faker _faker = DemoFakes.NewFaker(4343);
    private readonly HashSet<string> _usedNiks = new(StringComparer.Ordinal);
    private readonly HashSet<string> _registryPeople = new(StringComparer.Ordinal);
    private readonly HashSet<string> _filePeople = new(StringComparer.Ordinal);

    public async Task<(Guid InstitutionId, string InstitutionName)> WriteAsync()
    {
        Institution institution;
        await using (var db = newContext())
        {
            institution = await db.Users.IgnoreQueryFilters().Where(u => u.UserName == userName)
                .Join(db.Institutions.IgnoreQueryFilters(), u => u.ScopeInstitutionId, i => i.Id, (u, i) => i)
                .SingleOrDefaultAsync()
                ?? throw new InvalidOperationException($"{userName} is not the account of a WKSBM's board.");
            foreach (var nik in await db.Beneficiaries.IgnoreQueryFilters().Where(b => b.Nik != null).Select(b => b.Nik!).ToListAsync())
            {
                _usedNiks.Add(nik.Trim());
            }
            // Name, birth date and kalurahan already held in this kabupaten/kota: a person without NIK must not repeat one.
            var regency = institution.RegencyCode;
            foreach (var person in await db.Beneficiaries.IgnoreQueryFilters().Where(b => b.RegencyCode == regency)
                .Select(b => new { b.NameKey, b.BirthDate, b.VillageCode }).ToListAsync())
            {
                _registryPeople.Add(RowParser.PersonKeyOf(person.NameKey, person.BirthDate, person.VillageCode));
            }
        }
        // A WKSBM's board imports people of its own kapanewon.
        var kapanewon = RegionCatalog.Instance.Find(institution.VillageCode)!.ParentCode;
        var villages = RegionCatalog.Instance.AllDiy
            .Where(r => r.Level == RegionLevel.Desa && r.ParentCode == kapanewon)
            .OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        await using var file = File.Create(output);
        await file.SaveAsAsync(People(villages, institution).Take(rows), sheetName: TemplateModel.DataSheet);
        return (institution.Id, institution.Name);
    }

    private IEnumerable<Dictionary<string, object?>> People(List<Region> villages, Institution institution)
    {
        while (true)
        {
            var village = _faker.Random.Bool(0.7f) ? RegionCatalog.Instance.Find(institution.VillageCode)! : _faker.PickRandom(villages);
            var kapanewon = village.ParentCode!;
            var sex = DemoFakes.AnySex(_faker, 0.55f);
            var birth = Today.AddDays(-_faker.Random.Int(20 * 365, 90 * 365));
            var withoutNik = _faker.Random.Bool(0.08f);
            var registered = Today.AddDays(-_faker.Random.Int(0, 700));
            var name = DemoFakes.PersonName(_faker, sex);
            // Every row a different person: name, birth date and kalurahan once in the file (and, without NIK, not in the registry).
            var key = RowParser.PersonKeyOf(PersonName.Key(name), birth, village.Code);
            if (!_filePeople.Add(key) || (withoutNik && _registryPeople.Contains(key)))
            {
                continue;
            }
            var nik = withoutNik ? null : NewNik(kapanewon, birth, sex);
            var first = _faker.Random.Int(1, 26);
            var categories = PpksCategory.All[first - 1].Slug + (_faker.Random.Bool(0.3f) && first != 24 ? ";fakir-miskin" : "");
            yield return new Dictionary<string, object?>
            {
                [ImportColumns.Name] = name,
                [ImportColumns.Nik] = nik,
                [ImportColumns.NoNikReason] = withoutNik ? "Belum terdaftar di Dukcapil" : null,
                [ImportColumns.Kk] = withoutNik ? null : kapanewon.Replace(".", "", StringComparison.Ordinal)
                    + _faker.Date.Past(15).ToString("ddMMyy", CultureInfo.InvariantCulture)
                    + _faker.Random.Int(1, 9999).ToString("0000", CultureInfo.InvariantCulture),
                [ImportColumns.Sex] = sex == Sex.Perempuan ? "P" : "L",
                [ImportColumns.BirthPlace] = "Yogyakarta",
                [ImportColumns.BirthDate] = birth.ToDateTime(TimeOnly.MinValue),
                [ImportColumns.Village] = village.Code,
                [ImportColumns.Hamlet] = institution.Hamlet,
                [ImportColumns.Rt] = _faker.Random.Int(1, 12).ToString("000", CultureInfo.InvariantCulture),
                [ImportColumns.Rw] = _faker.Random.Int(1, 20).ToString("000", CultureInfo.InvariantCulture),
                [ImportColumns.Address] = $"{institution.Hamlet} No. {_faker.Random.Int(1, 200)}",
                [ImportColumns.Phone] = _faker.Random.Bool(0.4f) ? DemoFakes.MobilePhone(_faker) : null,
                [ImportColumns.Desil] = _faker.Random.Bool(0.85f) ? _faker.Random.Int(1, 6) : null,
                [ImportColumns.Categories] = categories,
                [ImportColumns.ConsentOn] = registered.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                [ImportColumns.ConsentBy] = name,
                [ImportColumns.ConsentByGuardian] = "tidak",
                [ImportColumns.RegisteredOn] = registered.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
            };
        }
    }

    /// <summary>A NIK no one in the registry or the file has: serials from 9000 up, beyond what the registry generators use.</summary>
    private string NewNik(string kapanewon, DateOnly birth, Sex sex)
    {
        for (var serial = 9000; ; serial++)
        {
            var nik = Nik.Compose(kapanewon, birth, sex, serial);
            if (_usedNiks.Add(nik))
            {
                return nik;
            }
        }
    }
}
