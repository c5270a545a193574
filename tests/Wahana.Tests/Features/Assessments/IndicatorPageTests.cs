using System.Net;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;
using static Wahana.Tests.Features.Assessments.AssessmentTestData;

namespace Wahana.Tests.Features.Assessments;

/// <summary>
/// /penilaian/indikator: the province admin keeps the indicators and thresholds; nobody else may. Every test
/// puts back what it changed, since the other assessment tests of the run compute scores with the initial set.
/// </summary>
public abstract class IndicatorPageTests(WahanaFactory factory)
{
    private const int Relawan = 8;

    private static Dictionary<string, string> IndicatorForm(string name, string weight) => new()
    {
        ["Input.Name"] = name,
        ["Input.Weight"] = weight,
        ["Input.Guidance1"] = "Belum ada.",
        ["Input.Guidance2"] = "Ada, belum rutin.",
        ["Input.Guidance3"] = "Rutin.",
        ["Input.Guidance4"] = "Rutin dan terdokumentasi.",
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, string handler, Dictionary<string, string> fields)
    {
        using var page = await client.GetAsync(pageUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        fields["__RequestVerificationToken"] = HttpHelpers.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync($"{pageUrl}?handler={handler}", form);
    }

    private Task<AssessmentIndicator> IndicatorAsync(int id) =>
        factory.WithDbAsync(db => db.AssessmentIndicators.AsNoTracking().SingleAsync(i => i.Id == id));

    private Task<StrengthThresholds> ThresholdsAsync() =>
        factory.WithDbAsync(db => db.StrengthThresholds.AsNoTracking().SingleAsync());

    private async Task RestoreAsync(Func<Wahana.Web.Data.WahanaDbContext, Task> change) =>
        await factory.WithDbAsync(async db =>
        {
            await change(db);
            return await db.SaveChangesAsync();
        });

    [ProviderFact]
    public async Task The_admin_changes_a_weight_and_stored_assessments_keep_their_score()
    {
        var demo = await factory.WithDbAsync(db => db.Assessments.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Score, a.Level }).FirstAsync());
        var before = await IndicatorAsync(Relawan);
        using var admin = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
        try
        {
            var form = IndicatorForm(before.Name, "25");
            form["Input.Guidance4"] = before.Guidance4;
            using var response = await PostAsync(admin, $"/penilaian/indikator/{Relawan}", "Save", form);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/penilaian/indikator", response.RedirectTarget());

            var after = await IndicatorAsync(Relawan);
            Assert.Equal((25, before.Code, "Belum ada."), (after.Weight, after.Code, after.Guidance1));
            var list = await (await admin.GetAsync("/penilaian/indikator")).HtmlAsync();
            Assert.Contains("jumlah bobot 115", list, StringComparison.Ordinal);
            Assert.Contains("tidak mengubah nilai dan tingkat penilaian yang sudah tersimpan", list, StringComparison.Ordinal);

            var stored = await factory.WithDbAsync(db => db.Assessments.AsNoTracking().SingleAsync(a => a.Id == demo.Id));
            Assert.Equal((demo.Score, demo.Level), (stored.Score, stored.Level));
        }
        finally
        {
            await RestoreAsync(async db =>
            {
                var indicator = await db.AssessmentIndicators.SingleAsync(i => i.Id == Relawan);
                (indicator.Weight, indicator.Guidance1, indicator.Guidance2, indicator.Guidance3) = (before.Weight, before.Guidance1, before.Guidance2, before.Guidance3);
            });
        }
    }

    [ProviderFact]
    public async Task The_admin_changes_the_thresholds_and_bad_ones_are_refused()
    {
        using var admin = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
        try
        {
            using (var bad = await PostAsync(admin, "/penilaian/indikator", "Thresholds",
                new() { ["Thresholds.BerkembangFrom"] = "80", ["Thresholds.MandiriFrom"] = "70" }))
            {
                Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
                Assert.Contains("lebih kecil dari batas Mandiri", await bad.HtmlAsync(), StringComparison.Ordinal);
            }
            var unchanged = await ThresholdsAsync();
            Assert.Equal((50, 75), (unchanged.BerkembangFrom, unchanged.MandiriFrom));

            using (var good = await PostAsync(admin, "/penilaian/indikator", "Thresholds",
                new() { ["Thresholds.BerkembangFrom"] = "55", ["Thresholds.MandiriFrom"] = "80" }))
            {
                Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
            }
            var thresholds = await ThresholdsAsync();
            Assert.Equal((55, 80), (thresholds.BerkembangFrom, thresholds.MandiriFrom));
            Assert.Equal(StrengthLevel.Berkembang, thresholds.LevelOf(79.9m));
        }
        finally
        {
            await RestoreAsync(async db =>
            {
                var thresholds = await db.StrengthThresholds.SingleAsync();
                (thresholds.BerkembangFrom, thresholds.MandiriFrom) = (50, 75);
            });
        }
    }

    [ProviderFact]
    public async Task The_admin_adds_an_indicator_that_the_form_asks_for_until_it_is_deactivated()
    {
        var name = $"Kaderisasi pengurus {Guid.NewGuid().ToString("N")[..6]}";
        using var admin = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
        int? added = null;
        try
        {
            using (var response = await PostAsync(admin, "/penilaian/indikator/baru", "Save", IndicatorForm(name, "5")))
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            }
            var indicator = await factory.WithDbAsync(db => db.AssessmentIndicators.AsNoTracking().SingleAsync(i => i.Name == name));
            added = indicator.Id;
            Assert.True(indicator.IsActive);
            Assert.Equal(5, indicator.Weight);
            Assert.StartsWith("kaderisasi-pengurus-", indicator.Code, StringComparison.Ordinal);
            Assert.True(indicator.Id > 9);

            var wksbm = await factory.WksbmOfAsync(TestUsers.Pengurus(66));
            var url = FormUrl(wksbm.Id, factory.CurrentSemester());
            Assert.Contains(name, await (await admin.GetAsync(url)).HtmlAsync(), StringComparison.Ordinal);

            using (var response = await PostAsync(admin, $"/penilaian/indikator/{indicator.Id}", "Deactivate", []))
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            }
            Assert.False((await IndicatorAsync(indicator.Id)).IsActive);
            Assert.DoesNotContain(name, await (await admin.GetAsync(url)).HtmlAsync(), StringComparison.Ordinal);
            // Deactivated, not deleted: still listed.
            Assert.Contains(name, await (await admin.GetAsync("/penilaian/indikator")).HtmlAsync(), StringComparison.Ordinal);
        }
        finally
        {
            if (added is { } id)
            {
                await RestoreAsync(async db => (await db.AssessmentIndicators.SingleAsync(i => i.Id == id)).IsActive = false);
            }
        }
    }

    [ProviderFact]
    public async Task Bad_indicator_input_gets_Indonesian_messages_and_nothing_is_saved()
    {
        var before = await IndicatorAsync(Relawan);
        using var admin = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
        var form = IndicatorForm("", "0");
        form["Input.Guidance3"] = "";
        using var response = await PostAsync(admin, $"/penilaian/indikator/{Relawan}", "Save", form);
        var html = await response.HtmlAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nama indikator wajib diisi.", html, StringComparison.Ordinal);
        Assert.Contains("Bobot harus 1 sampai 100.", html, StringComparison.Ordinal);
        Assert.Contains("Petunjuk nilai 3 wajib diisi.", html, StringComparison.Ordinal);
        var after = await IndicatorAsync(Relawan);
        Assert.Equal((before.Name, before.Weight, before.Guidance1), (after.Name, after.Weight, after.Guidance1));
    }

    [ProviderTheory]
    [InlineData(TestUsers.DinsosBantul)]
    [InlineData(TestUsers.Forum)]
    [InlineData("pengurus.01")]
    [InlineData(TestUsers.Relawan01)]
    public async Task Other_roles_are_refused(string userName)
    {
        using var client = await factory.CreateLoggedInClientAsync(userName);
        foreach (var url in new[] { "/penilaian/indikator", "/penilaian/indikator/1", "/penilaian/indikator/baru" })
        {
            using var response = await client.GetAsync(url);
            Assert.True(IsRefused(response), $"{userName} got {(int)response.StatusCode} for {url}");
        }
        // A post without the page's form is refused too, and changes nothing.
        var home = await (await client.GetAsync("/")).Content.ReadAsStringAsync();
        using var post = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Thresholds.BerkembangFrom"] = "10",
            ["Thresholds.MandiriFrom"] = "20",
            ["__RequestVerificationToken"] = HttpHelpers.AntiforgeryToken(home),
        });
        using var refused = await client.PostAsync("/penilaian/indikator?handler=Thresholds", post);
        Assert.True(IsRefused(refused), $"{userName} got {(int)refused.StatusCode} for a POST");
        var thresholds = await ThresholdsAsync();
        Assert.Equal((50, 75), (thresholds.BerkembangFrom, thresholds.MandiriFrom));
    }
}

[Collection(OnSqlite.Name)]
public sealed class IndicatorPageTestsOnSqlite(SqliteFixture app) : IndicatorPageTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class IndicatorPageTestsOnPostgres(PostgresFixture app) : IndicatorPageTests(app.Factory);
