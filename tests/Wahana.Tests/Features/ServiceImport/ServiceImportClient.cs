using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Wahana.Tests.Features.BeneficiaryImport;
using Wahana.Tests.Support;
using Wahana.Web.Domain;
using Wahana.Web.Features.ServiceImport;

namespace Wahana.Tests.Features.ServiceImport;

/// <summary>Builds service import files and drives /layanan/impor as a browser does (upload, poll, save).</summary>
public static class ServiceImportClient
{
    public const string ImportUrl = "/layanan/impor";

    private static readonly string[] Headers = [.. ServiceImportColumns.All.Select(c => c.Header)];

    /// <summary>A row with every column of the template, the values given, the rest empty.</summary>
    public static Dictionary<string, object?> Row(
        string? nik = null, object? date = null, string kind = "santunan", string form = "barang", object? value = null,
        string funding = "swadaya", string? partner = null, string? notes = null, string? wahanaId = null)
    {
        var row = Headers.ToDictionary(h => h, h => (object?)null, StringComparer.Ordinal);
        row[ServiceImportColumns.Nik] = nik;
        row[ServiceImportColumns.WahanaId] = wahanaId;
        row[ServiceImportColumns.Date] = date;
        row[ServiceImportColumns.Kind] = kind;
        row[ServiceImportColumns.Form] = form;
        row[ServiceImportColumns.Value] = value ?? "150.000";
        row[ServiceImportColumns.FundingSource] = funding;
        row[ServiceImportColumns.Partner] = partner;
        row[ServiceImportColumns.Notes] = notes;
        return row;
    }

    public static string Text(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    public static byte[] Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var file = new MemoryStream();
        file.SaveAs(rows.ToList(), sheetName: "layanan");
        return file.ToArray();
    }

    public static byte[] Csv(IEnumerable<Dictionary<string, object?>> rows, char delimiter = ';')
    {
        var text = new StringBuilder();
        text.AppendJoin(delimiter, Headers).Append('\n');
        foreach (var row in rows)
        {
            text.AppendJoin(delimiter, Headers.Select(h => Convert.ToString(row.GetValueOrDefault(h), CultureInfo.InvariantCulture) ?? "")).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Posts the upload form; returns the response as it is (302 to the job, or the page with a message).</summary>
    public static async Task<HttpResponseMessage> UploadServicesAsync(this HttpClient client, Guid institutionId, byte[] content, string fileName)
    {
        using var page = await client.GetAsync(ImportUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(HttpHelpers.AntiforgeryToken(await page.Content.ReadAsStringAsync())), "__RequestVerificationToken" },
            { new StringContent(institutionId.ToString()), "InstitutionId" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "Upload", fileName);
        return await client.PostAsync(ImportUrl, form);
    }

    /// <summary>Uploads a file the tests expect to be refused as a whole; returns the message under the file field.</summary>
    public static async Task<string> UploadServicesRefusedAsync(this HttpClient client, Guid institutionId, byte[] content, string fileName)
    {
        using var response = await client.UploadServicesAsync(institutionId, content, fileName);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"The upload of {fileName} should be refused on the page: {(int)response.StatusCode} {response.Headers.Location}");
        var message = HttpHelpers.TestIdText(html, "upload-error");
        Assert.False(string.IsNullOrEmpty(message), "No message under the file field: " + HttpHelpers.Excerpt(html));
        return message!;
    }

    /// <summary>Uploads a file and waits for its dry run; returns the job page.</summary>
    public static async Task<ImportPage> CheckServicesAsync(this HttpClient client, Guid institutionId, byte[] content, string fileName)
    {
        using var response = await client.UploadServicesAsync(institutionId, content, fileName);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            Assert.Fail($"The upload of {fileName} did not start a job: {(int)response.StatusCode} "
                + HttpHelpers.TestIdText(await response.Content.ReadAsStringAsync(), "upload-error"));
        }
        return await client.WaitAsync(response.RedirectTarget());
    }

    /// <summary>Presses "save all" on the job page and waits until the save has ended.</summary>
    public static async Task<ImportPage> CommitServicesAsync(this HttpClient client, ImportPage page)
    {
        using var response = await client.SubmitFormAsync(page.Url, page.Url + "?handler=Commit", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.WaitAsync(page.Url);
    }

    public static async Task RemoveJobAsync(this HttpClient client, ImportPage page)
    {
        using var removed = await client.SubmitFormAsync(page.Url, page.Url + "?handler=Remove", []);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
    }

    /// <summary>Current people of a WKSBM with NIK, registered at least <paramref name="daysAgo"/> days ago, in a stable order.</summary>
    public static Task<List<Beneficiary>> PeopleAsync(this WahanaFactory factory, Guid institutionId, int count, int daysAgo = 30)
    {
        var before = factory.Today.AddDays(-daysAgo);
        return factory.WithDbAsync(db => db.Beneficiaries.IgnoreQueryFilters()
            .Where(b => b.InstitutionId == institutionId && b.Nik != null && b.MergedIntoId == null && b.ErasedAt == null && b.RegisteredOn <= before)
            .OrderBy(b => b.RegisteredOn).ThenBy(b => b.Id).Take(count).ToListAsync());
    }

    /// <summary>The services (deleted ones too) whose notes carry the test's tag.</summary>
    public static Task<List<Service>> TaggedServicesAsync(this WahanaFactory factory, string tag) =>
        factory.WithDbAsync(db => db.Services.IgnoreQueryFilters().Where(s => s.Notes != null && s.Notes.Contains(tag)).ToListAsync());

    /// <summary>Removes what a test saved: the tagged services, and the import audit entries of the WKSBM since the test began.</summary>
    public static async Task CleanUpServicesAsync(this WahanaFactory factory, string tag, Guid institutionId, DateTimeOffset since)
    {
        await factory.WithDbAsync(db => db.Services.IgnoreQueryFilters().Where(s => s.Notes != null && s.Notes.Contains(tag)).ExecuteDeleteAsync());
        var id = institutionId.ToString();
        await factory.WithDbAsync(db => db.AuditEntries
            .Where(a => a.Action == ServiceImportJobs.AuditAction && a.EntityId == id && a.At >= since).ExecuteDeleteAsync());
    }
}
