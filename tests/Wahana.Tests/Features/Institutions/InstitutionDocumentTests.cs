using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;

namespace Wahana.Tests.Features.Institutions;

/// <summary>Uploading the SK decree and other documents: type from the content, 5 MB at most, served within scope only.</summary>
public abstract class InstitutionDocumentTests(WahanaFactory factory)
{
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8];

    private Task<Guid> BantulInstitutionAsync() =>
        factory.WithDbAsync(db => db.Institutions.Where(i => i.RegencyCode == "34.02").OrderBy(i => i.VillageCode).Skip(2).Select(i => i.Id).FirstAsync());

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid institutionId, string fileName, byte[] content, string kind = "SkPengesahan")
    {
        using var page = await client.GetAsync($"/wksbm/{institutionId}");
        var token = HttpHelpers.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(kind), "Upload.Kind" },
            { new StringContent("SK Lurah"), "Upload.Title" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "Upload.File", fileName);
        return await client.PostAsync($"/wksbm/{institutionId}?handler=Upload", form);
    }

    [ProviderFact]
    public async Task A_district_officer_uploads_the_SK_which_is_audited_and_served_in_scope_only()
    {
        var id = await BantulInstitutionAsync();
        var fileName = $"sk-{Guid.NewGuid():N}.pdf";
        using var bantul = await factory.CreateLoggedInClientAsync(TestUsers.DinsosBantul);
        using var response = await UploadAsync(bantul, id, fileName, Pdf);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var document = await factory.WithDbAsync(db => db.InstitutionDocuments.SingleAsync(d => d.OriginalFileName == fileName));
        Assert.Equal(("application/pdf", Pdf.Length, DocumentKind.SkPengesahan), (document.ContentType, (int)document.SizeBytes, document.Kind));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(InstitutionDocument) && a.EntityId == document.Id.ToString() && a.UserName == TestUsers.DinsosBantul)));
        Assert.False(File.Exists(Path.Combine(factory.DocumentsPath, fileName)), "Files are stored under their id, never the user's name.");

        var url = $"/wksbm/{id}?handler=Document&documentId={document.Id}";
        using (var download = await bantul.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        }
        using var sleman = await factory.CreateLoggedInClientAsync(TestUsers.DinsosSleman);
        using (var other = await sleman.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }
        using var forum = await factory.CreateLoggedInClientAsync(TestUsers.Forum);
        using (var aggregatesOnly = await forum.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.NotFound, aggregatesOnly.StatusCode);
        }
    }

    [ProviderFact]
    public async Task A_program_renamed_pdf_is_refused_by_its_content()
    {
        var id = await BantulInstitutionAsync();
        byte[] program = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.DinsosBantul);
        var before = await factory.WithDbAsync(db => db.InstitutionDocuments.CountAsync());
        using var response = await UploadAsync(client, id, "sk.pdf", program);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("bukan PDF, JPEG, atau PNG", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.InstitutionDocuments.CountAsync()));
    }

    [ProviderFact]
    public async Task A_6_MB_file_is_refused()
    {
        var id = await BantulInstitutionAsync();
        var big = new byte[6 * 1024 * 1024];
        Pdf.CopyTo(big, 0);
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.DinsosBantul);
        var before = await factory.WithDbAsync(db => db.InstitutionDocuments.CountAsync());
        using var response = await UploadAsync(client, id, "besar.pdf", big);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("paling besar 5 MB", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.InstitutionDocuments.CountAsync()));
    }

    [ProviderFact]
    public async Task A_pengurus_may_not_upload_the_SK_of_its_own_WKSBM()
    {
        var userName = TestUsers.Pengurus(71);
        var id = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.ScopeInstitutionId!.Value).SingleAsync());
        using var client = await factory.CreateLoggedInClientAsync(userName);
        using var response = await UploadAsync(client, id, "sk.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var other = await UploadAsync(client, id, $"notulen-{Guid.NewGuid():N}.pdf", Pdf, kind: "Laporan");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }
}

[Collection(OnSqlite.Name)]
public sealed class InstitutionDocumentTestsOnSqlite(SqliteFixture app) : InstitutionDocumentTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class InstitutionDocumentTestsOnPostgres(PostgresFixture app) : InstitutionDocumentTests(app.Factory);
