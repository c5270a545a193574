using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;
using Wahana.Web.Features.Reports;

namespace Wahana.Tests.Features.Reports;

/// <summary>
/// The semester recap (/laporan/rekap): its figures are ServedFiguresQuery's and agree with a direct count of the
/// service records (people counted once in the total); letterhead and signature of the right office; scope.
/// </summary>
public abstract class RecapTests(WahanaFactory factory)
{
    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string userName, string url)
    {
        using var client = await factory.CreateLoggedInClientAsync(userName);
        using var response = await client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static long Digits(string html, string testId)
    {
        var text = HttpHelpers.TestIdText(html, testId);
        Assert.False(string.IsNullOrEmpty(text), $"No data-testid=\"{testId}\".");
        return long.Parse(new string([.. text!.Where(char.IsAsciiDigit)]), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static long RowFigure(string html, Guid institutionId, string figure)
    {
        var start = html.IndexOf($"data-testid=\"recap-row\" data-institution=\"{institutionId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No recap row for {institutionId}.");
        var row = html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
        var match = Regex.Match(row, $"data-figure=\"{figure}\">([\\d.]+)<", RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.True(match.Success, $"No {figure} in the row of {institutionId}.");
        return long.Parse(match.Groups[1].Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    [ProviderFact]
    public async Task The_kabupaten_recap_totals_are_the_served_figures_and_a_direct_count_of_the_services()
    {
        var home = await CompletenessTestData.HomeOfAsync(factory, 15);
        var regency = home.RegencyCode;
        var semester = CompletenessQuery.DefaultSemester(factory.Today);
        var (start, end) = (semester.Start, semester.End);
        var figures = await factory.WithDbAsync(db => new ServedFiguresQuery(db).LoadAsync(semester, regency, null, default));
        var direct = await factory.WithDbAsync(async db =>
        {
            var services = db.Services.Where(s => s.RegencyCode == regency && s.Date >= start && s.Date <= end);
            return (People: await services.Select(s => s.BeneficiaryId).Distinct().CountAsync(), Services: await services.CountAsync(),
                Rupiah: await services.SumAsync(s => s.ValueRupiah));
        });
        Assert.True(direct.People > 0, $"The demo has no services in {regency} in {semester}.");
        Assert.Equal(direct.People, figures.Total.PeopleServed);

        var (status, html) = await GetAsync(TestUsers.Admin, $"/laporan/rekap?period={semester}&regency={regency}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(direct.People, Digits(html, "recap-total-people"));
        Assert.Equal(direct.Services, Digits(html, "recap-total-services"));
        Assert.Equal(direct.Rupiah, Digits(html, "recap-total-rupiah"));
        Assert.Equal(figures.Of(home.InstitutionId).PeopleServed, RowFigure(html, home.InstitutionId, "people"));
        Assert.Equal(figures.Of(home.InstitutionId).Total.Rupiah, RowFigure(html, home.InstitutionId, "rupiah"));

        // One line per WKSBM of the kabupaten; rupiah of the lines add up to the total (people need not).
        var institutions = await factory.WithDbAsync(db => db.Institutions.CountAsync(i => i.RegencyCode == regency
            && (i.Status == InstitutionStatus.Aktif || db.Services.Any(s => s.InstitutionId == i.Id && s.Date >= start && s.Date <= end)
                || db.SemesterReports.Any(r => r.InstitutionId == i.Id && r.Year == semester.Year && r.Half == semester.Half))));
        Assert.Equal(institutions, Regex.Count(html, "data-testid=\"recap-row\""));
        Assert.Equal(figures.PerInstitution.Values.Sum(f => f.Total.Rupiah), direct.Rupiah);
    }

    [ProviderFact]
    public async Task A_kabupaten_recap_carries_its_Dinas_Sosial_letterhead_and_the_province_recap_the_province_s()
    {
        var (status, html) = await GetAsync(TestUsers.DinsosBantul, "/laporan/rekap");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("PEMERINTAH KABUPATEN BANTUL", HttpHelpers.TestIdText(html, "kop-government"));
        Assert.Equal("DINAS SOSIAL", HttpHelpers.TestIdText(html, "kop-office"));
        Assert.Equal("Kepala Dinas Sosial Kabupaten Bantul", HttpHelpers.TestIdText(html, "signature-title"));
        Assert.StartsWith("Bantul, ", HttpHelpers.TestIdText(html, "signature-place"), StringComparison.Ordinal);
        Assert.Contains("/laporan/rekap/pdf?period=", html, StringComparison.Ordinal);

        var (_, province) = await GetAsync(TestUsers.Admin, "/laporan/rekap");
        Assert.Equal("PEMERINTAH DAERAH DAERAH ISTIMEWA YOGYAKARTA", HttpHelpers.TestIdText(province, "kop-government"));
        Assert.Equal("Kepala Dinas Sosial Daerah Istimewa Yogyakarta", HttpHelpers.TestIdText(province, "signature-title"));
        var semester = CompletenessQuery.DefaultSemester(factory.Today);
        var (start, end) = (semester.Start, semester.End);
        var expected = await factory.WithDbAsync(db => db.Institutions.CountAsync(i => i.Status == InstitutionStatus.Aktif
            || db.Services.Any(s => s.InstitutionId == i.Id && s.Date >= start && s.Date <= end)
            || db.SemesterReports.Any(r => r.InstitutionId == i.Id && r.Year == semester.Year && r.Half == semester.Half)));
        Assert.Equal(expected, Regex.Count(province, "data-testid=\"recap-row\""));
    }

    [ProviderFact]
    public async Task A_district_office_gets_404_for_another_kabupaten_and_a_board_may_not_open_the_recap()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(TestUsers.DinsosBantul, "/laporan/rekap?regency=34.01")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(TestUsers.Admin, "/laporan/rekap?regency=99.99")).Status);
        var (status, _) = await GetAsync(TestUsers.Pengurus(15), "/laporan/rekap");
        Assert.NotEqual(HttpStatusCode.OK, status);
    }

    [ProviderFact]
    public async Task The_forum_sees_the_recap_with_small_counts_hidden()
    {
        var semester = CompletenessQuery.DefaultSemester(factory.Today);
        var (status, html) = await GetAsync(TestUsers.Forum, $"/laporan/rekap?period={semester}&regency=34.71");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("jumlah orang di bawah 5 disamarkan", html, StringComparison.Ordinal);
        var figures = await factory.WithDbAsync(db => new ServedFiguresQuery(db).LoadAsync(semester, "34.71", null, default));
        Assert.Equal(figures.Total.PeopleServed, Digits(html, "recap-total-people"));
        var small = figures.PerInstitution.Where(f => f.Value.PeopleServed is > 0 and < 5).Select(f => f.Key).ToList();
        foreach (var id in small)
        {
            Assert.Contains("&lt;5", html[html.IndexOf(id.ToString(), StringComparison.Ordinal)..], StringComparison.Ordinal);
        }
    }
}

[Collection(OnSqlite.Name)]
public sealed class RecapTestsOnSqlite(SqliteFixture app) : RecapTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class RecapTestsOnPostgres(PostgresFixture app) : RecapTests(app.Factory);
