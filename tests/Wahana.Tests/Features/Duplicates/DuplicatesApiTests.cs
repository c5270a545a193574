using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;

namespace Wahana.Tests.Features.Duplicates;

/// <summary>GET /api/v1/duplicates and POST /api/v1/duplicates/{id}/decision: the queue by bearer token, in scope.</summary>
public abstract class DuplicatesApiTests(WahanaFactory factory)
{
    private readonly DuplicateTestData _data = new(factory);

    private static readonly DateOnly Born = new(1948, 9, 3);

    private static async Task<List<JsonElement>> AllItemsAsync(HttpClient client, string query = "")
    {
        var items = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var json = await client.GetJsonAsync($"/api/v1/duplicates?pageSize=200&page={page}{query}");
            Assert.Equal(page, json.GetProperty("page").GetInt32());
            Assert.Equal(200, json.GetProperty("pageSize").GetInt32());
            var chunk = json.GetProperty("items").EnumerateArray().ToList();
            items.AddRange(chunk);
            if (chunk.Count == 0 || items.Count >= json.GetProperty("total").GetInt32())
            {
                Assert.Equal(json.GetProperty("total").GetInt32(), items.Count);
                return items;
            }
        }
    }

    [ProviderFact]
    public async Task The_queue_lists_pairs_in_scope_with_masked_numbers_and_takes_a_decision()
    {
        var (g52, s54) = (await _data.WksbmOfAsync(52), await _data.WksbmOfAsync(54));
        var a = await _data.PersonAsync(g52, "Sarinem Dwijo", Born);
        var b = await _data.PersonAsync(g52, "Sarinem Dwidjo", Born, withNik: false);
        var c = await _data.PersonAsync(s54, "Sarinem Dwijo", Born, withNik: false);
        try
        {
            var within = await _data.PairAsync(a, b, score: 0.98);
            var across = await _data.PairAsync(a, c, score: 0.91);

            using var gunungkidul = await factory.CreateApiClientAsync(TestUsers.DinsosGunungkidul);
            var open = await AllItemsAsync(gunungkidul, "&status=open");
            var item = Assert.Single(open, i => i.GetProperty("id").GetGuid() == within);
            Assert.DoesNotContain(open, i => i.GetProperty("id").GetGuid() == across);
            Assert.Equal(0.98, item.GetProperty("score").GetDouble());
            Assert.Equal(JsonValueKind.Null, item.GetProperty("decision").ValueKind);
            var sides = new[] { item.GetProperty("first"), item.GetProperty("second") };
            var withNik = Assert.Single(sides, s => s.GetProperty("id").GetGuid() == a.Id);
            Assert.Equal(Nik.Mask(a.Nik), withNik.GetProperty("nik").GetString());
            Assert.Equal("Sarinem Dwijo", withNik.GetProperty("fullName").GetString());
            Assert.Equal("1948-09-03", withNik.GetProperty("birthDate").GetString());
            Assert.Equal(g52.VillageCode, withNik.GetProperty("villageCode").GetString());
            Assert.Equal(g52.Id, withNik.GetProperty("institutionId").GetGuid());
            Assert.Equal(JsonValueKind.Null, Assert.Single(sides, s => s.GetProperty("id").GetGuid() == b.Id).GetProperty("nik").ValueKind);
            Assert.DoesNotContain(a.Nik!, item.GetRawText(), StringComparison.Ordinal);

            using var admin = await factory.CreateApiClientAsync(TestUsers.Admin);
            var regency = await AllItemsAsync(admin, "&regency=34.04");
            Assert.Contains(regency, i => i.GetProperty("id").GetGuid() == across);
            Assert.DoesNotContain(regency, i => i.GetProperty("id").GetGuid() == within);

            // Bad input: a field error each, nothing decided.
            using (var bad = await gunungkidul.PostAsJsonAsync($"/api/v1/duplicates/{within}/decision", new { decision = "mungkin" }))
            {
                Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
                Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("decision", out _));
            }
            using (var noKeep = await gunungkidul.PostAsJsonAsync($"/api/v1/duplicates/{within}/decision", new { decision = "digabung", keepId = c.Id }))
            {
                Assert.Equal(HttpStatusCode.BadRequest, noKeep.StatusCode);
                Assert.True((await noKeep.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("keepId", out _));
            }
            using (var noNote = await gunungkidul.PostAsJsonAsync($"/api/v1/duplicates/{within}/decision", new { decision = "beda-orang" }))
            {
                Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
                Assert.True((await noNote.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("note", out _));
            }
            using (var query = await gunungkidul.GetAsync("/api/v1/duplicates?status=semua&regency=99.99&pageSize=0"))
            {
                Assert.Equal(HttpStatusCode.BadRequest, query.StatusCode);
                var errors = (await query.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
                Assert.True(errors.TryGetProperty("status", out _) && errors.TryGetProperty("regency", out _) && errors.TryGetProperty("pageSize", out _));
            }
            Assert.Null(await factory.WithDbAsync(db => db.DuplicatePairs.Where(p => p.Id == within).Select(p => p.Decision).SingleAsync()));

            // Out of scope: 404, and the pair stays open.
            using (var elsewhere = await gunungkidul.PostAsJsonAsync($"/api/v1/duplicates/{across}/decision", new { decision = "beda-orang", note = "x" }))
            {
                Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
            }

            using (var merged = await gunungkidul.PostAsJsonAsync($"/api/v1/duplicates/{within}/decision", new { decision = "digabung", keepId = a.Id, note = "Satu orang" }))
            {
                Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
                var answer = await merged.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal("digabung", answer.GetProperty("decision").GetString());
                Assert.Equal(TestUsers.DinsosGunungkidul, answer.GetProperty("decidedBy").GetString());
                Assert.NotEqual(JsonValueKind.Null, answer.GetProperty("decidedAt").ValueKind);
            }
            Assert.Equal(a.Id, await factory.WithDbAsync(db => db.Beneficiaries.IgnoreQueryFilters().Where(x => x.Id == b.Id).Select(x => x.MergedIntoId).SingleAsync()));
            var decided = await AllItemsAsync(gunungkidul, "&status=decided");
            Assert.Contains(decided, i => i.GetProperty("id").GetGuid() == within && i.GetProperty("decision").GetString() == "digabung");

            using var twice = await gunungkidul.PostAsJsonAsync($"/api/v1/duplicates/{within}/decision", new { decision = "beda-orang", note = "Ternyata beda" });
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
            Assert.Contains("sudah diputuskan", (await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

            // The pair across the border: decided by the province, "not the same person".
            using var different = await admin.PostAsJsonAsync($"/api/v1/duplicates/{across}/decision", new { decision = "beda-orang", note = "Beda orang tua" });
            Assert.Equal(HttpStatusCode.OK, different.StatusCode);
            Assert.Equal("beda-orang", (await different.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decision").GetString());
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(a.Id, b.Id, c.Id);
        }
    }

    [ProviderTheory]
    [InlineData("pengurus.53")]
    [InlineData(TestUsers.Relawan01)]
    [InlineData(TestUsers.Forum)]
    [InlineData("mitra.baznas")]
    public async Task Other_roles_get_403(string userName)
    {
        using var client = await factory.CreateApiClientAsync(userName);
        using var list = await client.GetAsync("/api/v1/duplicates");
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        using var decide = await client.PostAsJsonAsync($"/api/v1/duplicates/{Guid.CreateVersion7()}/decision", new { decision = "beda-orang", note = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, decide.StatusCode);
        using var anonymous = factory.CreateClient();
        using var unauthorized = await anonymous.GetAsync("/api/v1/duplicates");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
    }
}

[Collection(OnSqlite.Name)]
public sealed class DuplicatesApiTestsOnSqlite(SqliteFixture app) : DuplicatesApiTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class DuplicatesApiTestsOnPostgres(PostgresFixture app) : DuplicatesApiTests(app.Factory);
