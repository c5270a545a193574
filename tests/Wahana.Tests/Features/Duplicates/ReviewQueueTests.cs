using System.Net;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Data;
using Wahana.Web.Domain;

namespace Wahana.Tests.Features.Duplicates;

/// <summary>
/// The review queue /penerima/duplikat and its decisions: only pairs whose both people are in the user's scope,
/// only the province and district offices, "not the same person" recorded and audited, and a merge that keeps
/// every service and history of both records.
/// </summary>
public abstract class ReviewQueueTests(WahanaFactory factory)
{
    private readonly DuplicateTestData _data = new(factory);

    private static readonly DateOnly Born = new(1951, 4, 12);

    [ProviderFact]
    public async Task A_district_office_sees_the_pairs_of_its_kabupaten_and_never_one_with_a_person_of_another()
    {
        var (g50, g51, g53, s54) = (await _data.WksbmOfAsync(50), await _data.WksbmOfAsync(51), await _data.WksbmOfAsync(53), await _data.WksbmOfAsync(54));
        Assert.Equal((DuplicateTestData.Gunungkidul, DuplicateTestData.Gunungkidul, DuplicateTestData.Gunungkidul, DuplicateTestData.Sleman),
            (g50.RegencyCode, g51.RegencyCode, g53.RegencyCode, s54.RegencyCode));
        var a = await _data.PersonAsync(g50, "Tukinem Wiryo", Born);
        var b = await _data.PersonAsync(g51, "Tukinem Wirjo", Born, withNik: false);
        var c = await _data.PersonAsync(g53, "Paidi Harjono", Born, Sex.LakiLaki);
        var d = await _data.PersonAsync(s54, "Paidi Hardjono", Born, Sex.LakiLaki, withNik: false);
        try
        {
            var within = await _data.PairAsync(a, b);
            var across = await _data.PairAsync(c, d);

            using var admin = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
            var all = await DuplicateTestData.QueuedPairsAsync(admin);
            Assert.Contains(within, all);
            Assert.Contains(across, all);
            Assert.Contains(within, await DuplicateTestData.QueuedPairsAsync(admin, "kabupaten=34.03"));
            Assert.DoesNotContain(within, await DuplicateTestData.QueuedPairsAsync(admin, "kabupaten=34.71"));

            using var gunungkidul = await factory.CreateLoggedInClientAsync(TestUsers.DinsosGunungkidul);
            var seen = await DuplicateTestData.QueuedPairsAsync(gunungkidul);
            Assert.Contains(within, seen);
            Assert.DoesNotContain(across, seen);
            using (var page = await gunungkidul.GetAsync($"/penerima/duplikat/{across}"))
            {
                Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            }
            var html = await gunungkidul.GetStringAsync($"/penerima/duplikat/{within}");
            // Side by side, identity numbers masked.
            Assert.Contains("Tukinem Wiryo", html, StringComparison.Ordinal);
            Assert.Contains("Tukinem Wirjo", html, StringComparison.Ordinal);
            Assert.Contains(Nik.Mask(a.Nik), html, StringComparison.Ordinal);
            Assert.DoesNotContain(a.Nik!, html, StringComparison.Ordinal);
            Assert.Contains("tanpa NIK", html, StringComparison.Ordinal);

            using var sleman = await factory.CreateLoggedInClientAsync(TestUsers.DinsosSleman);
            var slemanSees = await DuplicateTestData.QueuedPairsAsync(sleman);
            Assert.DoesNotContain(across, slemanSees);
            Assert.DoesNotContain(within, slemanSees);

            // Decided, the pair across the border stays out of sight of both district offices.
            var url = $"/penerima/duplikat/{across}";
            using (var decided = await admin.SubmitFormAsync(url, url + "?handler=Different", new() { ["Note"] = "Beda orang tua" }))
            {
                Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
            }
            Assert.Contains(across, await DuplicateTestData.QueuedPairsAsync(admin, "status=decided"));
            Assert.DoesNotContain(across, await DuplicateTestData.QueuedPairsAsync(gunungkidul, "status=decided"));
            Assert.DoesNotContain(across, await DuplicateTestData.QueuedPairsAsync(sleman, "status=decided"));
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(a.Id, b.Id, c.Id, d.Id);
        }
    }

    [ProviderTheory]
    [InlineData("pengurus.50")]
    [InlineData(TestUsers.Relawan01)]
    [InlineData(TestUsers.Forum)]
    [InlineData("mitra.baznas")]
    public async Task Other_roles_are_refused_the_queue(string userName)
    {
        using var client = await factory.CreateLoggedInClientAsync(userName);
        using var response = await client.GetAsync("/penerima/duplikat");
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.RedirectTarget().StartsWith("/akses-ditolak", StringComparison.Ordinal)),
            $"{userName}: {(int)response.StatusCode} {response.Headers.Location}");
        using var anonymous = factory.CreateBrowserLikeClient();
        using var login = await anonymous.GetAsync("/penerima/duplikat");
        Assert.StartsWith(HttpHelpers.LoginPath, login.RedirectTarget(), StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task Not_the_same_person_is_recorded_with_its_reason_and_audited_and_a_missing_reason_is_refused()
    {
        var g52 = await _data.WksbmOfAsync(52);
        var a = await _data.PersonAsync(g52, "Sukarni Pawiro", Born);
        var b = await _data.PersonAsync(g52, "Sukarni Pawira", Born, withNik: false);
        try
        {
            var pair = await _data.PairAsync(a, b);
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.DinsosGunungkidul);
            var url = $"/penerima/duplikat/{pair}";

            using (var refused = await client.SubmitFormAsync(url, url + "?handler=Different", new() { ["Note"] = "   " }))
            {
                Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
                Assert.Contains("Tuliskan mengapa keduanya orang yang berbeda", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
            Assert.Null(await factory.WithDbAsync(db => db.DuplicatePairs.Where(p => p.Id == pair).Select(p => p.Decision).SingleAsync()));

            using (var done = await client.SubmitFormAsync(url, url + "?handler=Different", new() { ["Note"] = "Kakak beradik, kembar" }))
            {
                Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
                Assert.Equal("/penerima/duplikat", done.RedirectTarget());
            }
            var decided = await factory.WithDbAsync(db => db.DuplicatePairs.AsNoTracking().SingleAsync(p => p.Id == pair));
            Assert.Equal((DuplicateDecision.BedaOrang, TestUsers.DinsosGunungkidul, "Kakak beradik, kembar"), (decided.Decision, decided.DecidedBy, decided.Note));
            Assert.NotNull(decided.DecidedAt);
            var audit = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
                .Where(e => e.EntityType == nameof(DuplicatePair) && e.EntityId == pair.ToString() && e.Action == "Modified").ToListAsync());
            Assert.Contains(audit, e => e.UserName == TestUsers.DinsosGunungkidul && e.NewValues!.Contains("BedaOrang", StringComparison.Ordinal)
                && e.NewValues.Contains("kembar", StringComparison.Ordinal));
            // Both records stay; the pair leaves the open queue and shows among the decided ones.
            Assert.Equal(2, await factory.WithDbAsync(db => db.Beneficiaries.CountAsync(x => x.Id == a.Id || x.Id == b.Id)));
            Assert.DoesNotContain(pair, await DuplicateTestData.QueuedPairsAsync(client));
            Assert.Contains(pair, await DuplicateTestData.QueuedPairsAsync(client, "status=decided"));

            // Deciding it again: a clear message, nothing changed.
            using var again = await client.SubmitFormAsync(url, url + "?handler=Merge", new() { ["KeepId"] = a.Id.ToString() });
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Contains("sudah diputuskan", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Null(await factory.WithDbAsync(db => db.Beneficiaries.IgnoreQueryFilters().Where(x => x.Id == b.Id).Select(x => x.MergedIntoId).SingleAsync()));
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(a.Id, b.Id);
        }
    }

    [ProviderFact]
    public async Task A_merge_keeps_every_service_and_status_change_of_both_records_and_hides_the_merged_one()
    {
        var (g50, g51) = (await _data.WksbmOfAsync(50), await _data.WksbmOfAsync(51));
        var keep = await _data.PersonAsync(g50, "Ngatinem Sastro", Born, withNik: false, categories: [24], services: 2);
        var merge = await _data.PersonAsync(g51, "Ngatinem Sastra", Born, kk: "3403011204510001", categories: [8, 24], services: 3, phone: "081234567891");
        var third = await _data.PersonAsync(g51, "Ngatinem Sastro", Born.AddDays(1), withNik: false, services: 0);
        try
        {
            var pair = await _data.PairAsync(keep, merge);
            var other = await _data.PairAsync(merge, third, score: 0.8);
            var before = await factory.WithDbAsync(async db => (
                Services: await db.Services.CountAsync(s => s.BeneficiaryId == keep.Id || s.BeneficiaryId == merge.Id),
                Changes: await db.BeneficiaryStatusChanges.CountAsync(c => c.BeneficiaryId == keep.Id || c.BeneficiaryId == merge.Id)));
            Assert.Equal((5, 2), before);

            using var client = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
            var url = $"/penerima/duplikat/{pair}";
            using (var noChoice = await client.SubmitFormAsync(url, url + "?handler=Merge", []))
            {
                Assert.Equal(HttpStatusCode.OK, noChoice.StatusCode);
                Assert.Contains("Pilih catatan yang dipertahankan", await noChoice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
            using (var stranger = await client.SubmitFormAsync(url, url + "?handler=Merge", new() { ["KeepId"] = third.Id.ToString() }))
            {
                Assert.Contains("Pilih catatan yang dipertahankan", await stranger.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
            using (var merged = await client.SubmitFormAsync(url, url + "?handler=Merge", new() { ["KeepId"] = keep.Id.ToString(), ["MergeNote"] = "Pindah dari WKSBM tetangga" }))
            {
                Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
            }

            var after = await factory.WithDbAsync(async db => (
                Services: await db.Services.CountAsync(s => s.BeneficiaryId == keep.Id),
                Left: await db.Services.CountAsync(s => s.BeneficiaryId == merge.Id),
                Changes: await db.BeneficiaryStatusChanges.IgnoreQueryFilters().CountAsync(c => c.BeneficiaryId == keep.Id),
                Categories: await db.BeneficiaryCategories.IgnoreQueryFilters().Where(c => c.BeneficiaryId == keep.Id).Select(c => c.CategoryId).OrderBy(c => c).ToListAsync(),
                Kept: await db.Beneficiaries.AsNoTracking().SingleAsync(b => b.Id == keep.Id),
                Merged: await db.Beneficiaries.IgnoreQueryFilters().AsNoTracking().SingleAsync(b => b.Id == merge.Id),
                Visible: await db.Beneficiaries.CountAsync(b => b.Id == merge.Id),
                Pair: await db.DuplicatePairs.IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.Id == pair),
                Other: await db.DuplicatePairs.IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.Id == other)));
            Assert.Equal((5, 0, 2), (after.Services, after.Left, after.Changes));
            Assert.Equal([8, 24], after.Categories);
            Assert.Equal(keep.Id, after.Merged.MergedIntoId);
            Assert.Equal(0, after.Visible);
            // The kept record took the NIK, KK and phone it lacked; the merged one freed them.
            Assert.Equal((merge.Nik, merge.Kk, merge.Phone), (after.Kept.Nik, after.Kept.Kk, after.Kept.Phone));
            Assert.Null(after.Kept.NoNikReason);
            Assert.Equal((null, null), (after.Merged.Nik, after.Merged.Kk));
            Assert.Equal((DuplicateDecision.Digabung, TestUsers.Admin), (after.Pair.Decision, after.Pair.DecidedBy));
            // The merged record's other open pair is now one of the kept record.
            Assert.Equal(DuplicatePair.Order(keep.Id, third.Id), (after.Other.FirstId, after.Other.SecondId));
            Assert.Null(after.Other.Decision);

            var audit = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
                .Where(e => e.Action == "MergeBeneficiary" && e.EntityId == keep.Id.ToString()).ToListAsync());
            var entry = Assert.Single(audit);
            Assert.Equal(TestUsers.Admin, entry.UserName);
            Assert.Contains(merge.Id.ToString(), entry.NewValues, StringComparison.Ordinal);
            Assert.Contains("\"Services\":3", entry.NewValues, StringComparison.Ordinal);

            // The decided pair still shows, with the merged side marked; merging it again is refused clearly.
            Assert.Contains(pair, await DuplicateTestData.QueuedPairsAsync(client, "status=decided"));
            using var again = await client.SubmitFormAsync(url, url + "?handler=Merge", new() { ["KeepId"] = merge.Id.ToString() });
            var html = await again.Content.ReadAsStringAsync();
            Assert.Contains("Pasangan ini sudah diputuskan (digabung) oleh admin.diy", html, StringComparison.Ordinal);
            Assert.Null(await factory.WithDbAsync(db => db.Beneficiaries.Where(b => b.Id == keep.Id).Select(b => b.MergedIntoId).SingleAsync()));
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(keep.Id, merge.Id, third.Id);
        }
    }

    [ProviderFact]
    public async Task A_district_office_cannot_decide_a_pair_outside_its_kabupaten()
    {
        var (g53, s54) = (await _data.WksbmOfAsync(53), await _data.WksbmOfAsync(54));
        var a = await _data.PersonAsync(g53, "Wagiyem Karto", Born);
        var b = await _data.PersonAsync(s54, "Wagiyem Karta", Born, withNik: false);
        try
        {
            var pair = await _data.PairAsync(a, b);
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.DinsosGunungkidul);
            // A form token from the queue page; the pair itself answers 404 and stays open.
            var html = await client.GetStringAsync("/penerima/duplikat");
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["KeepId"] = a.Id.ToString(),
                ["__RequestVerificationToken"] = HttpHelpers.AntiforgeryToken(html),
            });
            using var response = await client.PostAsync($"/penerima/duplikat/{pair}?handler=Merge", form);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Null(await factory.WithDbAsync(db => db.DuplicatePairs.Where(p => p.Id == pair).Select(p => p.Decision).SingleAsync()));
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(a.Id, b.Id);
        }
    }
}

[Collection(OnSqlite.Name)]
public sealed class ReviewQueueTestsOnSqlite(SqliteFixture app) : ReviewQueueTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class ReviewQueueTestsOnPostgres(PostgresFixture app) : ReviewQueueTests(app.Factory);
