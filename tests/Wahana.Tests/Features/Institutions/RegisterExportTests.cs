using System.Net;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Wahana.Tests.Support;

namespace Wahana.Tests.Features.Institutions;

/// <summary>/wksbm/ekspor: the register's filtered, sorted list, every page of it, as an .xlsx file.</summary>
public abstract class RegisterExportTests(WahanaFactory factory)
{
    private static readonly string[] Headers =
    [
        "Nama WKSBM", "Kabupaten/Kota", "Kapanewon/Kemantren", "Kalurahan/Kelurahan", "Padukuhan/RW", "Ketua", "Status",
        "Penerima manfaat", "Dilayani semester ini", "Tingkat kelembagaan", "Nomor SK", "Tanggal SK",
    ];

    private sealed record Sheet(IReadOnlyList<string> Columns, IReadOnlyList<IDictionary<string, object?>> Rows);

    private async Task<Sheet> ExportAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/wksbm/ekspor" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"wksbm-{factory.Today:yyyy-MM-dd}.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        // The first row, read as data: the header names (GetColumns needs a data row below them).
        var columns = ((IDictionary<string, object?>)MiniExcel.Query(file).First()).Values.Select(v => v?.ToString() ?? "").ToList();
        file.Position = 0;
        var rows = MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        return new Sheet(columns, rows);
    }

    [ProviderFact]
    public async Task The_export_holds_the_filtered_list_with_Indonesian_headers()
    {
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
        var page = await RegisterPageTests.GetRegisterAsync(client, "?kabupaten=34.02&urut=nama&arah=turun");
        var sheet = await ExportAsync(client, "?kabupaten=34.02&urut=nama&arah=turun");

        Assert.Equal(Headers, sheet.Columns);
        Assert.Equal(page.Total, sheet.Rows.Count);
        Assert.Equal(page.Rows.Select(r => r.Name), sheet.Rows.Select(r => (string?)r["Nama WKSBM"]));
        Assert.All(sheet.Rows, r => Assert.Equal("Kabupaten Bantul", r["Kabupaten/Kota"]));
        Assert.All(sheet.Rows, r => Assert.IsType<double>(r["Penerima manfaat"]));
        Assert.All(sheet.Rows, r => Assert.IsType<DateTime>(r["Tanggal SK"]));
    }

    [ProviderFact]
    public async Task The_export_has_every_page_not_only_the_first()
    {
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
        var sheet = await ExportAsync(client, "?halaman=2");
        Assert.Equal(81, sheet.Rows.Count);
        var names = await factory.WithDbAsync(db => db.Institutions.Select(i => i.Name).ToListAsync());
        Assert.Equal(names.Order(StringComparer.Ordinal), sheet.Rows.Select(r => (string)r["Nama WKSBM"]!));
    }

    [ProviderFact]
    public async Task An_export_without_matches_still_has_its_headers()
    {
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.DinsosBantul);
        var sheet = await ExportAsync(client, "?kabupaten=34.04");
        Assert.Equal(Headers, sheet.Columns);
        Assert.Empty(sheet.Rows);
    }

    [ProviderFact]
    public async Task The_export_keeps_to_the_user_s_scope()
    {
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.DinsosSleman);
        var sheet = await ExportAsync(client, "");
        Assert.Equal(await factory.WithDbAsync(db => db.Institutions.CountAsync(i => i.RegencyCode == "34.04")), sheet.Rows.Count);
        Assert.All(sheet.Rows, r => Assert.Equal("Kabupaten Sleman", r["Kabupaten/Kota"]));
    }

    [ProviderFact]
    public async Task Anonymous_visitors_get_no_export()
    {
        using var client = factory.CreateBrowserLikeClient();
        using var response = await client.GetAsync("/wksbm/ekspor");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(HttpHelpers.LoginPath, response.RedirectTarget(), StringComparison.Ordinal);
    }
}

[Collection(OnSqlite.Name)]
public sealed class RegisterExportTestsOnSqlite(SqliteFixture app) : RegisterExportTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class RegisterExportTestsOnPostgres(PostgresFixture app) : RegisterExportTests(app.Factory);
