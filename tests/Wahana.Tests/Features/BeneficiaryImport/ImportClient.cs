using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Wahana.Tests.Support;
using Wahana.Web.Domain;
using Wahana.Web.Features.BeneficiaryImport;

namespace Wahana.Tests.Features.BeneficiaryImport;

/// <summary>A WKSBM of the demo the tests import into: its id, name, kalurahan and kabupaten/kota.</summary>
public sealed record ImportWksbm(Guid Id, string Name, string VillageCode, string RegencyCode)
{
    public string KapanewonCode => RegionCatalog.Instance.Find(VillageCode)!.ParentCode!;
}

/// <summary>One error row of the job page's table.</summary>
public sealed record ShownError(int Row, string Column, string Message);

/// <summary>The job page after a pass: its state, counts and the errors on screen.</summary>
public sealed record ImportPage(string Url, string State, long Rows, long Valid, long Invalid, IReadOnlyList<ShownError> Errors, string Html)
{
    public string? Message => HttpHelpers.TestIdText(Html, "import-message");
}

/// <summary>Builds import files and drives the import pages as a browser does (upload, poll, save).</summary>
public static partial class ImportClient
{
    private static readonly string[] Headers = [.. ImportColumns.All.Select(c => c.Header)];

    /// <summary>The WKSBM of a demo account (pengurus.NN).</summary>
    public static Task<ImportWksbm> WksbmOfAsync(this WahanaFactory factory, string userName) => factory.WithDbAsync(db =>
        db.Users.Where(u => u.UserName == userName)
            .Join(db.Institutions, u => u.ScopeInstitutionId, i => i.Id, (u, i) => new ImportWksbm(i.Id, i.Name, i.VillageCode, i.RegencyCode))
            .SingleAsync());

    /// <summary>A valid row for a person in the WKSBM's kalurahan, with a NIK no demo person has (serials 5000-9999).</summary>
    public static Dictionary<string, object?> Person(ImportWksbm wksbm, DateOnly today, string name, int serial, Sex sex = Sex.Perempuan,
        DateOnly? birthDate = null, string categories = "lansia-terlantar;fakir-miskin")
    {
        var birth = birthDate ?? new DateOnly(1950, 3, 14);
        var row = Headers.ToDictionary(h => h, h => (object?)null, StringComparer.Ordinal);
        row[ImportColumns.Name] = name;
        row[ImportColumns.Nik] = Nik.Compose(wksbm.KapanewonCode, birth, sex, serial);
        row[ImportColumns.Kk] = wksbm.KapanewonCode.Replace(".", "", StringComparison.Ordinal) + "0101100" + (serial % 999 + 1).ToString("000", CultureInfo.InvariantCulture);
        row[ImportColumns.Sex] = sex == Sex.Perempuan ? "P" : "L";
        row[ImportColumns.BirthPlace] = "Sleman";
        row[ImportColumns.BirthDate] = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        row[ImportColumns.Village] = wksbm.VillageCode;
        row[ImportColumns.Hamlet] = "Karanganyar";
        row[ImportColumns.Rt] = "003";
        row[ImportColumns.Rw] = "007";
        row[ImportColumns.Address] = "Karanganyar RT 003/RW 007";
        row[ImportColumns.Phone] = "081234567890";
        row[ImportColumns.Desil] = "2";
        row[ImportColumns.Categories] = categories;
        row[ImportColumns.ConsentOn] = today.AddDays(-10).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
        row[ImportColumns.ConsentBy] = name;
        row[ImportColumns.ConsentByGuardian] = "tidak";
        row[ImportColumns.RegisteredOn] = today.AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return row;
    }

    /// <summary>A random serial for the tests' NIKs: never one of the demo's (1-400), seldom twice in a run.</summary>
    public static int Serial() => Random.Shared.Next(5000, 9000);

    public static byte[] Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var file = new MemoryStream();
        file.SaveAs(rows.ToList(), sheetName: "penerima");
        return file.ToArray();
    }

    public static byte[] Csv(IEnumerable<Dictionary<string, object?>> rows, char delimiter = ';')
    {
        var text = new StringBuilder();
        text.AppendJoin(delimiter, Headers).Append('\n');
        foreach (var row in rows)
        {
            text.AppendJoin(delimiter, Headers.Select(h => Quote(row.GetValueOrDefault(h)?.ToString() ?? "", delimiter))).Append('\n');
        }
        return new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
    }

    private static string Quote(string value, char delimiter) =>
        value.Contains(delimiter, StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal)
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;

    /// <summary>Posts the upload form; returns the response as it is (302 to the job, or the page with a message).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, Guid institutionId, byte[] content, string fileName)
    {
        using var page = await client.GetAsync("/penerima/impor");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(HttpHelpers.AntiforgeryToken(await page.Content.ReadAsStringAsync())), "__RequestVerificationToken" },
            { new StringContent(institutionId.ToString()), "InstitutionId" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "Upload", fileName);
        return await client.PostAsync("/penerima/impor", form);
    }

    /// <summary>Uploads a file the tests expect to be refused as a whole; returns the message under the file field.</summary>
    public static async Task<string> UploadRefusedAsync(this HttpClient client, Guid institutionId, byte[] content, string fileName)
    {
        using var response = await client.UploadAsync(institutionId, content, fileName);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"The upload of {fileName} should be refused on the page: {(int)response.StatusCode} {response.Headers.Location}");
        var message = HttpHelpers.TestIdText(html, "upload-error");
        Assert.False(string.IsNullOrEmpty(message), "No message under the file field: " + HttpHelpers.Excerpt(html));
        return message!;
    }

    /// <summary>Uploads a file and waits for its dry run; returns the job page.</summary>
    public static async Task<ImportPage> CheckAsync(this HttpClient client, Guid institutionId, byte[] content, string fileName)
    {
        using var response = await client.UploadAsync(institutionId, content, fileName);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            Assert.Fail($"The upload of {fileName} did not start a job: {(int)response.StatusCode} "
                + HttpHelpers.TestIdText(await response.Content.ReadAsStringAsync(), "upload-error"));
        }
        return await client.WaitAsync(response.RedirectTarget());
    }

    /// <summary>Chooses how to save on the job page and waits until the save has ended.</summary>
    public static async Task<ImportPage> CommitAsync(this HttpClient client, ImportPage page, string mode)
    {
        using var response = await client.SubmitFormAsync(page.Url, page.Url + "?handler=Commit", new() { ["mode"] = mode });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.WaitAsync(page.Url);
    }

    /// <summary>Polls the status part as the page's htmx does until no pass is running, then reads the page.</summary>
    public static async Task<ImportPage> WaitAsync(this HttpClient client, string url)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            using var status = await client.GetAsync(url + "?handler=Status");
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
            if (!(await status.Content.ReadAsStringAsync()).Contains("data-testid=\"import-running\"", StringComparison.Ordinal))
            {
                break;
            }
            Assert.True(DateTime.UtcNow < deadline, $"The import at {url} did not finish in time.");
            await Task.Delay(100);
        }
        using var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var state = StateAttribute().Match(html).Groups[1].Value;
        long Count(string id) => HttpHelpers.TestIdText(html, id) is null ? -1 : HttpHelpers.TestIdNumber(html, id);
        var errors = ErrorRow().Matches(html).Select(m => new ShownError(
            int.Parse(m.Groups[1].Value.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture),
            WebUtility.HtmlDecode(m.Groups[2].Value),
            WebUtility.HtmlDecode(m.Groups[3].Value))).ToList();
        return new ImportPage(url, state, Count("import-rows"), Count("import-valid"), Count("import-invalid"), errors, html);
    }

    /// <summary>The error file of a job, read back: one dictionary per row, by header.</summary>
    public static async Task<List<IDictionary<string, object?>>> ErrorFileAsync(this HttpClient client, ImportPage page)
    {
        using var response = await client.GetAsync(page.Url + "/kesalahan.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return [.. MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>()];
    }

    /// <summary>The beneficiaries a WKSBM now has whose names are among these (the rows a test imported).</summary>
    public static Task<List<Beneficiary>> ImportedAsync(this WahanaFactory factory, Guid institutionId, IEnumerable<string> names)
    {
        var list = names.ToList();
        return factory.WithDbAsync(db => db.Beneficiaries.IgnoreQueryFilters().Include(b => b.Categories)
            .Where(b => b.InstitutionId == institutionId && list.Contains(b.Name)).ToListAsync());
    }

    /// <summary>Removes what an import test saved: the people and the import's audit entries for the WKSBM.</summary>
    public static async Task CleanUpAsync(this WahanaFactory factory, Guid institutionId, IEnumerable<string> names, DateTimeOffset since)
    {
        var people = await factory.ImportedAsync(institutionId, names);
        await factory.RemoveBeneficiariesAsync([.. people.Select(p => p.Id)]);
        var id = institutionId.ToString();
        await factory.WithDbAsync(db => db.AuditEntries
            .Where(a => a.Action == ImportJobs.AuditAction && a.EntityId == id && a.At >= since).ExecuteDeleteAsync());
    }

    [GeneratedRegex(@"data-testid=""import-state"" data-state=""([A-Za-z]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex StateAttribute();

    [GeneratedRegex("""<tr><td>([\d.]+)</td><td>([^<]*)</td><td>(.*?)</td></tr>""", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex ErrorRow();
}
