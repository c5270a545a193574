using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;

namespace Wahana.Tests.Features.Home;

/// <summary>The home page shows the figures of the signed-in user's scope, and only those.</summary>
public abstract class HomePageTests(WahanaFactory factory)
{
    private async Task<string> HomeAsAsync(string userName)
    {
        using var client = await factory.CreateLoggedInClientAsync(userName);
        using var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET / as {userName}: {(int)response.StatusCode} {HttpHelpers.Excerpt(html)}");
        return html;
    }

    private async Task<int> InstitutionTotalAsync(string regencyCode)
    {
        using var client = await factory.CreateApiClientAsync(TestUsers.Admin);
        return (await client.GetJsonAsync($"/api/v1/institutions?regency={regencyCode}&pageSize=1")).GetProperty("total").GetInt32();
    }

    [ProviderFact]
    public async Task The_admin_sees_the_81_WKSBM_and_every_beneficiary_of_the_province()
    {
        var html = await HomeAsAsync(TestUsers.Admin);
        Assert.Equal(81, HttpHelpers.TestIdNumber(html, "institution-count"));

        var beneficiaries = await factory.WithDbAsync(db => db.Beneficiaries.CountAsync());
        Assert.Equal(beneficiaries, HttpHelpers.TestIdNumber(html, "beneficiary-count"));
    }

    [ProviderFact]
    public async Task The_admin_sees_the_people_served_this_semester()
    {
        var semester = Semester.Of(factory.Today);
        var served = await factory.WithDbAsync(db => db.Services
            .Where(s => s.Date >= semester.Start && s.Date <= semester.End)
            .Select(s => s.BeneficiaryId).Distinct().CountAsync());
        Assert.True(served > 0, $"The demo data has no service in the current semester {semester}.");

        var html = await HomeAsAsync(TestUsers.Admin);
        Assert.Equal(served, HttpHelpers.TestIdNumber(html, "served-count"));
    }

    [ProviderFact]
    public async Task The_admin_sees_a_row_for_each_kabupaten_and_kota()
    {
        var html = await HomeAsAsync(TestUsers.Admin);
        Assert.Contains("<table", html, StringComparison.OrdinalIgnoreCase);
        foreach (var name in new[] { "Kulon Progo", "Bantul", "Gunungkidul", "Sleman", "Yogyakarta" })
        {
            Assert.Contains(name, html, StringComparison.Ordinal);
        }
    }

    [ProviderFact]
    public async Task Bantul_sees_the_count_of_its_own_WKSBM_and_beneficiaries_only()
    {
        var expected = await InstitutionTotalAsync("34.02");
        Assert.InRange(expected, 10, 41);
        var beneficiaries = await factory.WithDbAsync(db => db.Beneficiaries.CountAsync(b => b.RegencyCode == "34.02"));

        var html = await HomeAsAsync(TestUsers.DinsosBantul);
        Assert.Equal(expected, HttpHelpers.TestIdNumber(html, "institution-count"));
        Assert.Equal(beneficiaries, HttpHelpers.TestIdNumber(html, "beneficiary-count"));
    }

    [ProviderFact]
    public async Task The_home_page_has_the_logout_button_and_the_free_of_charge_footer()
    {
        var html = await HomeAsAsync(TestUsers.Forum);
        Assert.Matches(new Regex("<form(?=[^>]*\\bmethod=\"post\")(?=[^>]*\\baction=\"/keluar\")", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)), html);
        Assert.Contains("Keluar", html, StringComparison.Ordinal);
        Assert.Contains("Semua layanan tidak dipungut biaya", html, StringComparison.Ordinal);
    }
}

[Collection(OnSqlite.Name)]
public sealed class HomePageTestsOnSqlite(SqliteFixture app) : HomePageTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class HomePageTestsOnPostgres(PostgresFixture app) : HomePageTests(app.Factory);
