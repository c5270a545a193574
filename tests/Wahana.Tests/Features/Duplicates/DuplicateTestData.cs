using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;

namespace Wahana.Tests.Features.Duplicates;

/// <summary>
/// People the duplicate tests create in the WKSBM of pengurus.50 to pengurus.54 (50-53 in Gunungkidul, 54 in
/// Sleman), with services and status history, and pairs of them; everything is removed again by the tests.
/// </summary>
public sealed partial class DuplicateTestData(WahanaFactory factory)
{
    public const string Gunungkidul = "34.03";
    public const string Sleman = "34.04";

    public sealed record Wksbm(Guid Id, string VillageCode, string RegencyCode, string Name);

    public async Task<Wksbm> WksbmOfAsync(int pengurus)
    {
        var userName = TestUsers.Pengurus(pengurus);
        return await factory.WithDbAsync(async db =>
        {
            var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.ScopeInstitutionId!.Value).SingleAsync();
            return await db.Institutions.Where(i => i.Id == id).Select(i => new Wksbm(i.Id, i.VillageCode, i.RegencyCode, i.Name)).SingleAsync();
        });
    }

    /// <summary>A valid beneficiary of the WKSBM, with a NIK or without, its categories and a status change; saved.</summary>
    public async Task<Beneficiary> PersonAsync(
        Wksbm wksbm, string name, DateOnly born, Sex sex = Sex.Perempuan, bool withNik = true, int serial = 0, string? kk = null,
        int[]? categories = null, int services = 0, string? phone = null)
    {
        var today = factory.Today;
        var person = new Beneficiary
        {
            Name = name,
            Sex = sex,
            BirthDate = born,
            BirthPlace = "Gunungkidul",
            Nik = withNik ? Nik.Compose(wksbm.VillageCode[..8], born, sex, serial == 0 ? Random.Shared.Next(5000, 9999) : serial) : null,
            NoNikReason = withNik ? null : "Belum memiliki KTP; dirujuk ke Dukcapil",
            Kk = kk,
            Phone = phone,
            VillageCode = wksbm.VillageCode,
            Hamlet = "Uji",
            Address = "Padukuhan Uji",
            InstitutionId = wksbm.Id,
            RegisteredOn = today.AddYears(-1),
            ConsentGivenOn = today.AddYears(-1),
            ConsentGivenBy = name,
        };
        person.Categories.AddRange((categories ?? [24]).Select(c => new BeneficiaryCategory { BeneficiaryId = person.Id, CategoryId = c }));
        person.StatusChanges.Add(new BeneficiaryStatusChange
        {
            BeneficiaryId = person.Id,
            Status = BeneficiaryStatus.Aktif,
            EffectiveOn = today.AddYears(-1),
            Note = "Didaftarkan",
            ChangedBy = "uji",
        });
        await factory.WithDbAsync(async db =>
        {
            db.Beneficiaries.Add(person);
            for (var i = 0; i < services; i++)
            {
                db.Services.Add(new Service
                {
                    BeneficiaryId = person.Id,
                    InstitutionId = wksbm.Id,
                    RegencyCode = wksbm.RegencyCode,
                    Date = today.AddDays(-10 - i),
                    Kind = ServiceKind.Santunan,
                    Form = ServiceForm.Barang,
                    ValueRupiah = 150_000,
                    FundingSource = FundingSource.Swadaya,
                });
            }
            return await db.SaveChangesAsync();
        });
        return person;
    }

    /// <summary>Records a pair as the scan would (open, with a score), or as already decided.</summary>
    public Task<Guid> PairAsync(Beneficiary a, Beneficiary b, double score = 0.97, DuplicateDecision? decision = null) =>
        factory.WithDbAsync(async db =>
        {
            var (first, second) = DuplicatePair.Order(a.Id, b.Id);
            var pair = new DuplicatePair
            {
                FirstId = first,
                SecondId = second,
                Score = score,
                Reasons = "nama sama; tanggal lahir sama (uji)",
                Decision = decision,
                DecidedBy = decision is null ? null : "uji",
                DecidedAt = decision is null ? null : DateTimeOffset.UtcNow,
            };
            db.DuplicatePairs.Add(pair);
            await db.SaveChangesAsync();
            return pair.Id;
        });

    /// <summary>The ids of the pairs the queue page lists for the user (every page of it).</summary>
    public static async Task<HashSet<Guid>> QueuedPairsAsync(HttpClient client, string query = "")
    {
        var ids = new HashSet<Guid>();
        for (var page = 1; page <= 50; page++)
        {
            var separator = query.Length == 0 ? "?" : "&";
            using var response = await client.GetAsync($"/penerima/duplikat{(query.Length == 0 ? "" : "?" + query)}{separator}halaman={page}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            var found = PairIds().Matches(html).Select(m => Guid.Parse(m.Groups[1].Value)).ToList();
            var before = ids.Count;
            ids.UnionWith(found);
            if (found.Count == 0 || ids.Count == before || !html.Contains("rel=\"next\"", StringComparison.Ordinal))
            {
                break;
            }
        }
        return ids;
    }

    [GeneratedRegex("data-pair-id=\"([0-9a-f-]{36})\"", RegexOptions.CultureInvariant)]
    private static partial Regex PairIds();
}
