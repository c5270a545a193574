using System.Net;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;

namespace Wahana.Tests.Features.Beneficiaries;

/// <summary>Shared service (/penerima/permintaan-layanan): asked instead of registering a held person twice, answered by the holder.</summary>
public abstract class ShareRequestTests(WahanaFactory factory)
{
    private const string Page = "/penerima/permintaan-layanan";

    [ProviderFact]
    public async Task A_WKSBM_asks_the_holder_for_shared_service_and_the_holder_s_pengurus_accepts()
    {
        var holder = await EntryTestData.HomeOfAsync(factory, TestUsers.Pengurus(46));
        var requester = await EntryTestData.HomeOfAsync(factory, TestUsers.Pengurus(45));
        var birth = EntryTestData.BirthDate();
        var nik = await EntryTestData.FreshNikAsync(factory, holder.KapanewonCode, birth, Sex.LakiLaki);
        var name = EntryTestData.UniqueName();
        using var holderApi = await factory.CreateApiClientAsync(TestUsers.Pengurus(46));
        var (status, json) = await EntryTestData.SendAsync(holderApi, HttpMethod.Post, "/api/v1/beneficiaries",
            EntryTestData.Body(name, nik, Sex.LakiLaki, birth, holder.VillageCode, null));
        Assert.True(status == HttpStatusCode.Created, json.ToString());
        var personId = json.GetProperty("id").GetGuid();
        try
        {
            // The requester meets the person, is told who holds them, and asks.
            using var asking = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(45));
            using (var response = await asking.SubmitFormAsync(Page, Page + "?handler=Create", new()
            {
                ["Nik"] = nik,
                ["RequestingInstitutionId"] = requester.InstitutionId.ToString(),
                ["Note"] = "Beliau kini tinggal bersama anaknya di wilayah kami.",
            }))
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            }
            var request = await factory.WithDbAsync(db => db.ServiceShareRequests.AsNoTracking().SingleAsync(r => r.BeneficiaryId == personId));
            Assert.Equal((holder.InstitutionId, holder.RegencyCode, requester.InstitutionId, requester.RegencyCode, ShareRequestStatus.Diajukan, TestUsers.Pengurus(45)),
                (request.HolderInstitutionId, request.HolderRegencyCode, request.RequestingInstitutionId, request.RequesterRegencyCode, request.Status, request.RequestedBy));
            Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ServiceShareRequest) && a.EntityId == request.Id.ToString() && a.Action == "Added")));

            // Asking twice while waiting is refused.
            using (var response = await asking.SubmitFormAsync(Page, Page + "?handler=Create", new() { ["Nik"] = nik, ["Note"] = "lagi" }))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains("sudah diajukan dan masih menunggu jawaban", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            }

            // The requester sees the holder, never the person.
            var outgoing = await asking.GetStringAsync(Page);
            Assert.Contains(holder.Name, WebUtility.HtmlDecode(outgoing), StringComparison.Ordinal);
            Assert.Equal("Menunggu jawaban", HttpHelpers.TestIdText(outgoing, "status"));
            Assert.DoesNotContain(name, WebUtility.HtmlDecode(outgoing), StringComparison.Ordinal);
            Assert.DoesNotContain(personId.ToString(), outgoing, StringComparison.Ordinal);

            // Neither the requester nor an uninvolved WKSBM may answer.
            var decide = new Dictionary<string, string> { ["id"] = request.Id.ToString(), ["accept"] = "true", ["decisionNote"] = "" };
            using (var response = await asking.SubmitFormAsync(Page, Page + "?handler=Decide", new(decide)))
            {
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            }
            using (var outsider = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(47)))
            using (var response = await outsider.SubmitFormAsync(Page, Page + "?handler=Decide", new(decide)))
            {
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            }

            // The holder's pengurus sees the person and the request, and accepts.
            using var holding = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(46));
            var incoming = WebUtility.HtmlDecode(await holding.GetStringAsync(Page));
            Assert.Contains(name, incoming, StringComparison.Ordinal);
            Assert.Contains("Beliau kini tinggal bersama anaknya", incoming, StringComparison.Ordinal);
            decide["decisionNote"] = "Silakan, kami koordinasikan jadwal santunan.";
            using (var response = await holding.SubmitFormAsync(Page, Page + "?handler=Decide", decide))
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            }
            var decided = await factory.WithDbAsync(db => db.ServiceShareRequests.AsNoTracking().SingleAsync(r => r.Id == request.Id));
            Assert.Equal((ShareRequestStatus.Diterima, TestUsers.Pengurus(46), "Silakan, kami koordinasikan jadwal santunan."),
                (decided.Status, decided.DecidedBy, decided.DecisionNote));
            Assert.NotNull(decided.DecidedAt);
            Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ServiceShareRequest) && a.EntityId == request.Id.ToString() && a.Action == "Modified")));
            Assert.Equal("Diterima", HttpHelpers.TestIdText(await asking.GetStringAsync(Page), "status"));
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(personId);
        }
    }

    [ProviderFact]
    public async Task A_decline_needs_a_reason_and_the_district_officer_may_answer_for_the_holder()
    {
        var holder = await EntryTestData.HomeOfAsync(factory, TestUsers.Pengurus(46));
        var requester = await EntryTestData.HomeOfAsync(factory, TestUsers.Pengurus(47));
        using var holderApi = await factory.CreateApiClientAsync(TestUsers.Pengurus(46));
        var (status, json) = await EntryTestData.SendAsync(holderApi, HttpMethod.Post, "/api/v1/beneficiaries",
            EntryTestData.Body(EntryTestData.UniqueName(), null, Sex.Perempuan, EntryTestData.BirthDate(), holder.VillageCode, null));
        Assert.True(status == HttpStatusCode.Created, json.ToString());
        var personId = json.GetProperty("id").GetGuid();
        try
        {
            // A person without NIK is named by the candidate id the entry form showed.
            using var asking = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(47));
            using (var response = await asking.SubmitFormAsync(Page, Page + "?handler=Create", new()
            {
                ["BeneficiaryId"] = personId.ToString(),
                ["RequestingInstitutionId"] = requester.InstitutionId.ToString(),
                ["Note"] = "",
            }))
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            }
            var id = await factory.WithDbAsync(db => db.ServiceShareRequests.Where(r => r.BeneficiaryId == personId).Select(r => r.Id).SingleAsync());

            using var officer = await factory.CreateLoggedInClientAsync(TestUsers.DinsosGunungkidul);
            using (var response = await officer.SubmitFormAsync(Page, Page + "?handler=Decide", new() { ["id"] = id.ToString(), ["accept"] = "false", ["decisionNote"] = " " }))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains("Tuliskan alasan bila permintaan ditolak.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            }
            Assert.Equal(ShareRequestStatus.Diajukan, await factory.WithDbAsync(db => db.ServiceShareRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
            using (var response = await officer.SubmitFormAsync(Page, Page + "?handler=Decide", new() { ["id"] = id.ToString(), ["accept"] = "false", ["decisionNote"] = "Sudah dilayani penuh oleh WKSBM asal." }))
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            }
            Assert.Equal((ShareRequestStatus.Ditolak, TestUsers.DinsosGunungkidul), await factory.WithDbAsync(db => db.ServiceShareRequests
                .Where(r => r.Id == id).Select(r => new ValueTuple<ShareRequestStatus, string?>(r.Status, r.DecidedBy)).SingleAsync()));

            // Another kabupaten's officer does not see the request at all.
            using var sleman = await factory.CreateLoggedInClientAsync(TestUsers.DinsosSleman);
            Assert.Null(HttpHelpers.TestIdText(await sleman.GetStringAsync(Page), "status"));
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(personId);
        }
    }
}

[Collection(OnSqlite.Name)]
public sealed class ShareRequestTestsOnSqlite(SqliteFixture app) : ShareRequestTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class ShareRequestTestsOnPostgres(PostgresFixture app) : ShareRequestTests(app.Factory);
