using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;

namespace Wahana.Tests.Features.Institutions;

/// <summary>/wksbm/cakupan: kalurahan with and without an active WKSBM, per kabupaten/kota and kapanewon.</summary>
public abstract class CoveragePageTests(WahanaFactory factory)
{
    private static readonly (string Code, int Villages)[] VillagesPerRegency =
        [("34.01", 88), ("34.02", 75), ("34.03", 144), ("34.04", 86), ("34.71", 45)];

    private async Task<string> CoverageAsAsync(string userName, string query = "")
    {
        using var client = await factory.CreateLoggedInClientAsync(userName);
        using var response = await client.GetAsync("/wksbm/cakupan" + query);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /wksbm/cakupan{query}: {(int)response.StatusCode} {HttpHelpers.Excerpt(html)}");
        return html;
    }

    private Task<List<string>> ActiveVillagesAsync(string? regencyCode = null) => factory.WithDbAsync(db => db.Institutions
        .Where(i => i.Status == InstitutionStatus.Aktif && (regencyCode == null || i.RegencyCode == regencyCode))
        .Select(i => i.VillageCode).Distinct().ToListAsync());

    /// <summary>The codes of the kalurahan listed as without an active WKSBM.</summary>
    private static List<string> Uncovered(string html) =>
        [.. Regex.Matches(html, "data-testid=\"uncovered-village\" data-village-code=\"(?<code>[0-9.]+)\"").Select(m => m.Groups["code"].Value)];

    [ProviderFact]
    public async Task The_admin_sees_every_kalurahan_of_DIY_and_those_with_an_active_WKSBM()
    {
        var active = await ActiveVillagesAsync();
        var html = await CoverageAsAsync(TestUsers.Admin);

        Assert.Equal(active.Count, HttpHelpers.TestIdNumber(html, "covered-total"));
        Assert.Equal(438, HttpHelpers.TestIdNumber(html, "village-total"));
        foreach (var (code, villages) in VillagesPerRegency)
        {
            Assert.Equal(villages, HttpHelpers.TestIdNumber(html, "villages-" + code));
            Assert.Equal(active.Count(v => v.StartsWith(code + ".", StringComparison.Ordinal)), HttpHelpers.TestIdNumber(html, "covered-" + code));
        }
        Assert.Equal(438 - active.Count, HttpHelpers.TestIdNumber(html, "uncovered-count"));
        Assert.Equal(RegionCatalog.Instance.AllDiy.Where(r => r.Level == RegionLevel.Desa).Select(r => r.Code).Except(active).Order(),
            Uncovered(html).Order());
        // The map (an enhancement) gets its data and credits the boundaries' source.
        Assert.Contains("data-geojson=\"/peta/kalurahan.geojson\"", html, StringComparison.Ordinal);
        Assert.Contains("cahyadsn/wilayah_boundaries (MIT)", html, StringComparison.Ordinal);
        Assert.Contains("src=\"/js/coverage.js", html, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task The_Bantul_office_sees_Bantul_only()
    {
        var active = await ActiveVillagesAsync("34.02");
        var html = await CoverageAsAsync(TestUsers.DinsosBantul);

        Assert.Equal(active.Count, HttpHelpers.TestIdNumber(html, "covered-total"));
        Assert.Equal(75, HttpHelpers.TestIdNumber(html, "village-total"));
        Assert.Equal(75, HttpHelpers.TestIdNumber(html, "villages-34.02"));
        Assert.Null(HttpHelpers.TestIdText(html, "villages-34.04"));
        Assert.Equal(75 - active.Count, Uncovered(html).Count);
        Assert.Contains("&quot;regency&quot;:&quot;34.02&quot;", html, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task The_list_without_an_active_WKSBM_can_be_narrowed_to_one_kabupaten()
    {
        var active = await ActiveVillagesAsync("34.71");
        var html = await CoverageAsAsync(TestUsers.Admin, "?kabupaten=34.71");
        Assert.Equal(45 - active.Count, HttpHelpers.TestIdNumber(html, "uncovered-count"));
        var uncovered = Uncovered(html);
        Assert.Equal(45 - active.Count, uncovered.Count);
        Assert.All(uncovered, code => Assert.StartsWith("34.71.", code, StringComparison.Ordinal));
        Assert.Empty(uncovered.Intersect(active));
        // The figures above stay those of all DIY.
        Assert.Equal(438, HttpHelpers.TestIdNumber(html, "village-total"));
    }

    [ProviderFact]
    public async Task A_WKSBM_that_is_not_active_does_not_cover_its_kalurahan()
    {
        var institution = await factory.WithDbAsync(db => db.Institutions.Where(i => i.RegencyCode == "34.03" && i.Status == InstitutionStatus.Aktif)
            .OrderBy(i => i.Name).FirstAsync());
        var before = HttpHelpers.TestIdNumber(await CoverageAsAsync(TestUsers.DinsosGunungkidul), "covered-total");
        await SetStatusAsync(institution.Id, InstitutionStatus.Pembentukan);
        try
        {
            var html = await CoverageAsAsync(TestUsers.DinsosGunungkidul);
            Assert.Equal((await ActiveVillagesAsync("34.03")).Count, HttpHelpers.TestIdNumber(html, "covered-total"));
            Assert.Equal(before - 1, HttpHelpers.TestIdNumber(html, "covered-total"));
        }
        finally
        {
            await SetStatusAsync(institution.Id, InstitutionStatus.Aktif);
        }
    }

    private Task<int> SetStatusAsync(Guid id, InstitutionStatus status) => factory.WithDbAsync(db =>
        db.Institutions.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, status)));

    [ProviderFact]
    public async Task The_forum_sees_all_DIY()
    {
        Assert.Equal(438, HttpHelpers.TestIdNumber(await CoverageAsAsync(TestUsers.Forum), "village-total"));
    }

    [ProviderFact]
    public async Task A_pengurus_is_refused_and_anonymous_visitors_are_sent_to_log_in()
    {
        using (var pengurus = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(2)))
        using (var response = await pengurus.GetAsync("/wksbm/cakupan"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/akses-ditolak", response.RedirectTarget(), StringComparison.Ordinal);
        }
        using var anonymous = factory.CreateBrowserLikeClient();
        using var login = await anonymous.GetAsync("/wksbm/cakupan");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith(HttpHelpers.LoginPath, login.RedirectTarget(), StringComparison.Ordinal);
    }
}

[Collection(OnSqlite.Name)]
public sealed class CoveragePageTestsOnSqlite(SqliteFixture app) : CoveragePageTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class CoveragePageTestsOnPostgres(PostgresFixture app) : CoveragePageTests(app.Factory);
