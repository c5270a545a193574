using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wahana.Tests.Support;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Domain.Matching;
using Wahana.Web.Features.Duplicates;

namespace Wahana.Tests.Features.Duplicates;

/// <summary>
/// The full-registry scan, started by the province from the queue page: it queues a likely pair it finds, never
/// opens a decided pair again, and the demo starts with its planted duplicates in the queue.
/// </summary>
public abstract class DuplicateScanTests(WahanaFactory factory)
{
    private readonly DuplicateTestData _data = new(factory);

    [ProviderFact]
    public async Task The_demo_queue_holds_the_ten_people_registered_twice()
    {
        var copies = await factory.WithDbAsync(db => db.Beneficiaries.AsNoTracking()
            .Where(b => b.NoNikReason == "Belum membawa KTP atau KK saat didata; NIK akan dilengkapi").Select(b => b.Id).ToListAsync());
        Assert.Equal(10, copies.Count);
        var pairs = await factory.WithDbAsync(db => db.DuplicatePairs.IgnoreQueryFilters().AsNoTracking()
            .Where(p => copies.Contains(p.FirstId) || copies.Contains(p.SecondId)).ToListAsync());
        foreach (var copy in copies)
        {
            var pair = pairs.Where(p => p.FirstId == copy || p.SecondId == copy).MaxBy(p => p.Score);
            Assert.True(pair is not null, $"The demo duplicate {copy} is in no pair.");
            Assert.True(pair!.Score >= BeneficiaryMatcher.LikelyThreshold, $"{pair.Score} {pair.Reasons}");
        }
        // The other record of each is a WKSBM's registered person with a NIK, in another WKSBM.
        var others = pairs.Select(p => copies.Contains(p.FirstId) ? p.SecondId : p.FirstId).Distinct().ToList();
        var people = await factory.WithDbAsync(db => db.Beneficiaries.AsNoTracking().Where(b => others.Contains(b.Id) || copies.Contains(b.Id))
            .Select(b => new { b.Id, b.Nik, b.InstitutionId, b.RegencyCode }).ToDictionaryAsync(b => b.Id));
        Assert.All(pairs.Where(p => p.Score >= 0.9), p => Assert.NotEqual(people[p.FirstId].InstitutionId, people[p.SecondId].InstitutionId));
        // One of them lives across a kabupaten/kota border from its first record.
        Assert.Contains(pairs, p => people[p.FirstId].RegencyCode != people[p.SecondId].RegencyCode);
    }

    [ProviderFact]
    public async Task The_province_scans_the_registry_finds_a_new_pair_and_leaves_a_decided_one_decided()
    {
        var (g52, g53) = (await _data.WksbmOfAsync(52), await _data.WksbmOfAsync(53));
        var born = new DateOnly(1953, 11, 23);
        var a = await _data.PersonAsync(g52, "Rubiyem Sastrodiharjo", born);
        var b = await _data.PersonAsync(g53, "Roebiyem Sastrodiharjo", born.AddDays(1), withNik: false);
        var c = await _data.PersonAsync(g52, "Kasmijan Prawirodiharjo", born, Sex.LakiLaki, withNik: false);
        var d = await _data.PersonAsync(g53, "Kasmijan Prawirodiharjo", born, Sex.LakiLaki, withNik: false);
        try
        {
            var decided = await _data.PairAsync(c, d, decision: DuplicateDecision.BedaOrang);
            var runner = factory.Services.GetRequiredService<DuplicateScanRunner>();

            using var gunungkidul = await factory.CreateLoggedInClientAsync(TestUsers.DinsosGunungkidul);
            using (var refused = await gunungkidul.SubmitFormAsync("/penerima/duplikat", "/penerima/duplikat?handler=Scan", []))
            {
                Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            }

            using var admin = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
            using (var started = await admin.SubmitFormAsync("/penerima/duplikat", "/penerima/duplikat?handler=Scan", []))
            {
                Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
            }
            await runner.Running.WaitAsync(TimeSpan.FromMinutes(2));
            var status = runner.Status;
            Assert.False(status.IsRunning);
            Assert.Null(status.Error);
            Assert.Equal(TestUsers.Admin, status.StartedBy);
            Assert.True(status.Outcome!.People > 5000, $"{status.Outcome.People} people scanned.");
            Assert.True(status.Outcome.Added >= 1);

            var (first, second) = DuplicatePair.Order(a.Id, b.Id);
            var found = await factory.WithDbAsync(db => db.DuplicatePairs.AsNoTracking().SingleAsync(p => p.FirstId == first && p.SecondId == second));
            Assert.Null(found.Decision);
            Assert.True(found.Score >= BeneficiaryMatcher.LikelyThreshold, $"{found.Score} {found.Reasons}");
            Assert.Contains("tanggal lahir selisih 1 hari", found.Reasons, StringComparison.Ordinal);
            var cd = await factory.WithDbAsync(db => db.DuplicatePairs.AsNoTracking()
                .Where(p => (p.FirstId == c.Id && p.SecondId == d.Id) || (p.FirstId == d.Id && p.SecondId == c.Id)).ToListAsync());
            var only = Assert.Single(cd);
            Assert.Equal((decided, DuplicateDecision.BedaOrang), (only.Id, only.Decision));

            // The page shows the outcome and, for the district office too, the new pair.
            var page = await admin.GetStringAsync("/penerima/duplikat");
            Assert.Contains("data-testid=\"scan-outcome\"", page, StringComparison.Ordinal);
            Assert.Contains(found.Id, await DuplicateTestData.QueuedPairsAsync(gunungkidul));
            Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "ScanDuplicates" && e.UserName == TestUsers.Admin)));

            // Scanning again adds nothing new for these people.
            Assert.True(runner.TryStart("uji"));
            await runner.Running.WaitAsync(TimeSpan.FromMinutes(2));
            Assert.Equal(1, await factory.WithDbAsync(db => db.DuplicatePairs.IgnoreQueryFilters().CountAsync(p => p.FirstId == first && p.SecondId == second)));
            Assert.Equal(0, runner.Status.Outcome!.Added);
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(a.Id, b.Id, c.Id, d.Id);
        }
    }

    [ProviderFact]
    public async Task The_registry_wide_lookup_of_one_person_finds_the_same_candidates()
    {
        var (g50, s54) = (await _data.WksbmOfAsync(50), await _data.WksbmOfAsync(54));
        var born = new DateOnly(1960, 2, 14);
        var a = await _data.PersonAsync(g50, "Tumijem Wongsosuwarno", born);
        var b = await _data.PersonAsync(s54, "Wongsosuwarno Tumijem", born.AddYears(1), withNik: false);
        // The same name in the same kalurahan with a year mistyped (1960 / 1966).
        var c = await _data.PersonAsync(g50, "Tumijem Wongsosuwarno", born.AddYears(6), withNik: false);
        try
        {
            // Words swapped, a year off, far apart: found by the name block, anywhere in the registry.
            var found = await factory.WithDbAsync(db => LikelyDuplicates.FindAsync(db, PersonToMatch.Of(a), CancellationToken.None));
            var hit = Assert.Single(found, f => f.Id == b.Id);
            Assert.True(hit.Score >= BeneficiaryMatcher.LikelyThreshold, $"{hit.Score} {hit.Reasons}");
            var sameVillage = Assert.Single(found, f => f.Id == c.Id);
            Assert.Contains("beda satu angka", sameVillage.Reasons, StringComparison.Ordinal);
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(a.Id, b.Id, c.Id);
        }
    }
}

[Collection(OnSqlite.Name)]
public sealed class DuplicateScanTestsOnSqlite(SqliteFixture app) : DuplicateScanTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class DuplicateScanTestsOnPostgres(PostgresFixture app) : DuplicateScanTests(app.Factory);
