using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wahana.Tests.Support;
using Wahana.Web.Features.Reports;
using Wahana.Web.Infrastructure.Pdf;

namespace Wahana.Tests.Features.Reports;

/// <summary>
/// PDF of the printable pages by headless Chromium (in CI: test.sh installs Debian's chromium): a real PDF with the
/// right number of pages, as the signed-in user sees the page (scope kept), audited; where Chromium is missing a
/// clear message (503), never a broken file.
/// </summary>
public abstract partial class PdfTests(WahanaFactory factory)
{
    private bool ChromiumInstalled => factory.Services.GetRequiredService<PdfRenderer>().IsAvailable;

    private static int PageCount(byte[] pdf) => PageObject().Count(Encoding.Latin1.GetString(pdf));

    [ProviderFact]
    public async Task The_recap_PDF_is_a_PDF_of_the_recap_and_its_download_is_audited()
    {
        var semester = CompletenessQuery.DefaultSemester(factory.Today);
        var auditsBefore = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == PdfDownloadModel.AuditAction));
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.DinsosBantul);
        using var response = await client.GetAsync($"/laporan/rekap/pdf?period={semester}");
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!ChromiumInstalled)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains(PdfDownloadModel.UnavailableTitle, Encoding.UTF8.GetString(body), StringComparison.Ordinal);
            return;
        }
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {Encoding.UTF8.GetString(body[..Math.Min(body.Length, 2000)])}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(body, 0, 5));
        Assert.Equal($"rekap-34.02-{semester}.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var pages = PageCount(body);
        Assert.InRange(pages, 1, 10);
        Assert.Contains($"/Count {pages}", Encoding.Latin1.GetString(body), StringComparison.Ordinal);

        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == PdfDownloadModel.AuditAction)
            .OrderByDescending(a => a.At).FirstAsync());
        Assert.Equal(auditsBefore + 1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == PdfDownloadModel.AuditAction)));
        Assert.Equal(TestUsers.DinsosBantul, audit.UserName);
        Assert.Equal($"34.02/{semester}", audit.EntityId);
    }

    [ProviderFact]
    public async Task The_PDF_has_as_many_A4_pages_as_the_page_breaks_make()
    {
        var renderer = factory.Services.GetRequiredService<PdfRenderer>();
        const string html = """
            <!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Uji</title>
            <link rel="stylesheet" href="/css/site.css"></head><body>
            <section style="break-after: page">Halaman satu</section>
            <section style="break-after: page">Halaman dua</section>
            <section>Halaman tiga</section></body></html>
            """;
        var result = await renderer.RenderHtmlAsync(html, default);
        if (!renderer.IsAvailable)
        {
            Assert.Equal(PdfOutcome.Unavailable, result.Outcome);
            return;
        }
        Assert.Equal(PdfOutcome.Rendered, result.Outcome);
        Assert.Equal(3, PageCount(result.Pdf!));
        // A4 portrait: 595 x 842 points.
        Assert.Matches(MediaBoxA4(), Encoding.Latin1.GetString(result.Pdf!));
    }

    [ProviderFact]
    public async Task The_PDF_keeps_the_scope_another_kabupaten_is_404_and_nothing_is_audited()
    {
        var auditsBefore = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == PdfDownloadModel.AuditAction));
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.DinsosBantul);
        using var other = await client.GetAsync("/laporan/rekap/pdf?regency=34.01");
        Assert.Equal(ChromiumInstalled ? HttpStatusCode.NotFound : HttpStatusCode.ServiceUnavailable, other.StatusCode);
        using var unknown = await client.GetAsync("/laporan/rekap/pdf?regency=99.99");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var badPeriod = await client.GetAsync($"/laporan/{Guid.CreateVersion7()}/semester-satu/pdf");
        Assert.Equal(HttpStatusCode.NotFound, badPeriod.StatusCode);
        Assert.Equal(auditsBefore, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == PdfDownloadModel.AuditAction)));

        using var anonymous = factory.CreateBrowserLikeClient();
        using var signedOut = await anonymous.GetAsync("/laporan/rekap/pdf");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith(HttpHelpers.LoginPath, signedOut.RedirectTarget(), StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task Without_Chromium_the_renderer_says_so_and_makes_nothing()
    {
        var transport = factory.Services.GetRequiredService<PrintPageTransport>();
        await using var renderer = new PdfRenderer(
            Options.Create(new PdfOptions { ChromiumPath = "/tidak/ada/chromium" }), transport, NullLogger<PdfRenderer>.Instance);
        Assert.False(renderer.IsAvailable);
        var result = await renderer.RenderPageAsync("/laporan/rekap", null, null, default);
        Assert.Equal(PdfOutcome.Unavailable, result.Outcome);
        Assert.Null(result.Pdf);
    }

    [ProviderFact]
    public async Task Without_Chromium_the_PDF_link_answers_503_with_a_message_page_or_a_problem_details()
    {
        // The same application and database, with Chromium configured where there is none.
        using var app = factory.WithWebHostBuilder(b => b.UseSetting("Wahana:Pdf:ChromiumPath", "/tidak/ada/chromium"));
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        using (var login = await client.PostLoginAsync(TestUsers.Admin, TestUsers.DemoPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using var page = await client.GetAsync("/laporan/rekap/pdf?regency=34.02");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("data-testid=\"pdf-unavailable\"", html, StringComparison.Ordinal);
        Assert.Contains("Chromium belum dipasang", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/laporan/rekap?period=", html, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/laporan/rekap/pdf?regency=34.02");
        request.Headers.Accept.ParseAdd("application/json");
        using var problem = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await problem.Content.ReadAsStringAsync());
        Assert.Equal(PdfDownloadModel.UnavailableTitle, json.RootElement.GetProperty("title").GetString());
        Assert.Equal(503, json.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("Cetak", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])", RegexOptions.None, 2000)]
    private static partial Regex PageObject();

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+841(\.\d+)?|/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+842", RegexOptions.None, 2000)]
    private static partial Regex MediaBoxA4();
}

[Collection(OnSqlite.Name)]
public sealed class PdfTestsOnSqlite(SqliteFixture app) : PdfTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class PdfTestsOnPostgres(PostgresFixture app) : PdfTests(app.Factory);
