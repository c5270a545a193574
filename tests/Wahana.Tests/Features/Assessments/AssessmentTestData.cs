using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;

namespace Wahana.Tests.Features.Assessments;

/// <summary>
/// What the assessment tests share. Tests that write use the current semester of a WKSBM no other test touches
/// (pengurus.60 to pengurus.65), because one application and database serve the whole run.
/// </summary>
public static class AssessmentTestData
{
    /// <summary>The codes of the nine indicators Wahana starts with, in their order (ids 1-9).</summary>
    public static readonly string[] Codes =
        ["legalitas", "struktur", "pertemuan-rutin", "administrasi", "program-kerja", "sumber-dana", "kemitraan", "relawan", "pelaporan"];

    public sealed record Wksbm(Guid Id, string RegencyCode, string Office);

    /// <summary>The WKSBM of a board member's account, with the district office account of its kabupaten/kota.</summary>
    public static async Task<Wksbm> WksbmOfAsync(this WahanaFactory factory, string pengurus)
    {
        var id = await factory.WithUsersAsync(async users => (await users.FindByNameAsync(pengurus))!.ScopeInstitutionId!.Value);
        var regency = await factory.WithDbAsync(db => db.Institutions.Where(i => i.Id == id).Select(i => i.RegencyCode).SingleAsync());
        return new(id, regency, TestUsers.DistrictOffices.Single(o => o.RegencyCode == regency).UserName);
    }

    public static Semester CurrentSemester(this WahanaFactory factory) => Semester.Of(factory.Today);

    public static string FormUrl(Guid id, Semester semester) => $"/wksbm/{id}/penilaian/{semester}";

    /// <summary>The stored assessment of that semester with its scores, or null.</summary>
    public static Task<Assessment?> StoredAsync(this WahanaFactory factory, Guid id, Semester semester) =>
        factory.WithDbAsync(db => db.Assessments.AsNoTracking().Include(a => a.Scores)
            .SingleOrDefaultAsync(a => a.InstitutionId == id && a.Year == semester.Year && a.Half == semester.Half));

    /// <summary>Form fields for points by indicator id 1-9 (index 0 is legalitas); null leaves an indicator out.</summary>
    public static Dictionary<string, string> Points(params int?[] points)
    {
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < points.Length; i++)
        {
            if (points[i] is { } p)
            {
                fields[$"Input.Points[{i + 1}]"] = p.ToString(CultureInfo.InvariantCulture);
            }
        }
        return fields;
    }

    /// <summary>GETs the page (for its antiforgery token and version) and posts the fields to it, as a browser does.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, bool keepVersion = false)
    {
        using var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        fields["__RequestVerificationToken"] = HttpHelpers.AntiforgeryToken(html);
        if (!keepVersion)
        {
            fields["Input.Version"] = HiddenVersion(html) ?? Guid.Empty.ToString();
        }
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(url, form);
    }

    /// <summary>The value of the form's hidden Input.Version, or null when the page has no form.</summary>
    public static string? HiddenVersion(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"Input.Version\" value=\"([^\"]*)\"", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        return match.Success ? match.Groups[1].Value : null;
    }

    public static async Task<string> HtmlAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>Refused as a cookie user is: 403, or a redirect to the access-denied page (which answers 403).</summary>
    public static bool IsRefused(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.RedirectTarget().StartsWith("/akses-ditolak", StringComparison.Ordinal));
}
