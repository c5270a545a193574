using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;

namespace Wahana.Tests.Features.Volunteers;

/// <summary>Volunteers of a WKSBM on the page and the API; they are personal data, so the forum gets 404.</summary>
public abstract class VolunteerTests(WahanaFactory factory)
{
    /// <summary>Removes the volunteers a test added, so the demo WKSBM keep the volunteers the demo gave them.</summary>
    private Task<int> RemoveVolunteersAsync(Guid institutionId, DateTimeOffset since) =>
        factory.WithDbAsync(db => db.Volunteers.Where(v => v.InstitutionId == institutionId && v.CreatedAt >= since).ExecuteDeleteAsync());

    private Task<Guid> OwnInstitutionAsync(string userName) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.ScopeInstitutionId!.Value).SingleAsync());

    [ProviderFact]
    public async Task Demo_WKSBM_have_volunteers_and_relawan_01_is_one_of_them()
    {
        var counts = await factory.WithDbAsync(db => db.Volunteers.GroupBy(v => v.InstitutionId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(81, counts.Count);
        Assert.All(counts, c => Assert.InRange(c, 3, 9));
        var linked = await factory.WithDbAsync(db => db.Volunteers.Where(v => v.UserId != null)
            .Join(db.Users, v => v.UserId, u => u.Id, (v, u) => new { u.UserName, u.ScopeInstitutionId, v.InstitutionId }).SingleAsync());
        Assert.Equal((TestUsers.Relawan01, linked.InstitutionId), (linked.UserName!, linked.ScopeInstitutionId!.Value));
    }

    [ProviderFact]
    public async Task A_pengurus_adds_a_volunteer_by_the_API_and_bad_input_is_refused()
    {
        var userName = TestUsers.Pengurus(73);
        var id = await OwnInstitutionAsync(userName);
        var since = DateTimeOffset.UtcNow;
        using var client = await factory.CreateApiClientAsync(userName);
        try
        {
            var name = $"Relawan {Guid.NewGuid().ToString("N")[..6]}";
            using var created = await client.PostAsJsonAsync($"/api/v1/institutions/{id}/volunteers",
                new { name, sex = "perempuan", phone = "081234567890", skills = "P3K", joinedOn = "2025-01-15" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var list = await client.GetJsonAsync($"/api/v1/institutions/{id}/volunteers");
            Assert.Contains(list.EnumerateArray(), v => v.GetProperty("name").GetString() == name && v.GetProperty("sex").GetString() == "perempuan");

            using var bad = await client.PostAsJsonAsync($"/api/v1/institutions/{id}/volunteers",
                new { name = " ", sex = "laki-laki", phone = "12ab", joinedOn = "2099-01-01" });
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var errors = (await bad.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("errors");
            Assert.True(errors.TryGetProperty("name", out _) && errors.TryGetProperty("phone", out _) && errors.TryGetProperty("joinedOn", out _));
        }
        finally
        {
            await RemoveVolunteersAsync(id, since);
        }
    }

    [ProviderFact]
    public async Task A_volunteer_links_only_to_a_Relawan_account_of_the_same_WKSBM()
    {
        var userName = TestUsers.Pengurus(74);
        var id = await OwnInstitutionAsync(userName);
        var own = await factory.CreateUserAsync(Wahana.Web.Domain.WahanaRole.Relawan, institutionId: id, prefix: "relawan");
        var elsewhere = await factory.CreateUserAsync(Wahana.Web.Domain.WahanaRole.Relawan, institutionId: await OwnInstitutionAsync(TestUsers.Pengurus(75)), prefix: "relawan");
        var ownId = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == own).Select(u => u.Id).SingleAsync());
        var elsewhereId = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == elsewhere).Select(u => u.Id).SingleAsync());
        var since = DateTimeOffset.UtcNow;
        using var client = await factory.CreateApiClientAsync(userName);
        try
        {

            using var refused = await client.PostAsJsonAsync($"/api/v1/institutions/{id}/volunteers", new { name = "Dewi", sex = "perempuan", userId = elsewhereId });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("Akun yang dipilih bukan akun relawan WKSBM ini.",
                (await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("errors").GetProperty("userId")[0].GetString());

            using var linked = await client.PostAsJsonAsync($"/api/v1/institutions/{id}/volunteers", new { name = "Dewi", sex = "perempuan", userId = ownId });
            Assert.Equal(HttpStatusCode.Created, linked.StatusCode);
            Assert.Equal(ownId, (await linked.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("userId").GetGuid());
        }
        finally
        {
            await RemoveVolunteersAsync(id, since);
        }
    }

    [ProviderFact]
    public async Task Volunteers_of_another_WKSBM_are_404_and_the_forum_sees_none()
    {
        var other = await OwnInstitutionAsync(TestUsers.Pengurus(2));
        using var pengurus = await factory.CreateApiClientAsync(TestUsers.Pengurus(1));
        using (var response = await pengurus.GetAsync($"/api/v1/institutions/{other}/volunteers"))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        using var forum = await factory.CreateApiClientAsync(TestUsers.Forum);
        using (var response = await forum.GetAsync($"/api/v1/institutions/{other}/volunteers"))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        using var forumPages = await factory.CreateLoggedInClientAsync(TestUsers.Forum);
        using var page = await forumPages.GetAsync("/relawan");
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
    }

    [ProviderFact]
    public async Task The_province_list_shows_each_kabupaten_s_volunteers_to_its_office_only()
    {
        using var bantul = await factory.CreateLoggedInClientAsync(TestUsers.DinsosBantul);
        using var response = await bantul.GetAsync("/relawan?status=semua");
        var html = await response.Content.ReadAsStringAsync();
        var expected = await factory.WithDbAsync(db => db.Volunteers.CountAsync(v => v.RegencyCode == "34.02"));
        Assert.Equal(expected, HttpHelpers.TestIdNumber(html, "volunteer-count"));
        Assert.DoesNotContain("Kabupaten Sleman", html, StringComparison.Ordinal);
    }
}

[Collection(OnSqlite.Name)]
public sealed class VolunteerTestsOnSqlite(SqliteFixture app) : VolunteerTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class VolunteerTestsOnPostgres(PostgresFixture app) : VolunteerTests(app.Factory);
