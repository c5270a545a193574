using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;

namespace Wahana.Tests.Features.Institutions;

/// <summary>
/// The register /wksbm over HTTP: paging, search, region/status/level filters, sorting, escaping, lenient query
/// values, and each role's scope (the page itself never filters by scope; the query filters do).
/// </summary>
public abstract partial class RegisterPageTests(WahanaFactory factory)
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>One row of the register as the page shows it.</summary>
    public sealed record RegisterRow(Guid Id, string Name, string VillageCode, IReadOnlyList<string> Numbers);

    public sealed record RegisterPage(string Html, long Total, IReadOnlyList<RegisterRow> Rows);

    public static async Task<RegisterPage> GetRegisterAsync(HttpClient client, string query = "")
    {
        using var response = await client.GetAsync("/wksbm" + query);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /wksbm{query}: {(int)response.StatusCode} {HttpHelpers.Excerpt(html)}");
        var rows = html.Split("data-testid=\"register-row\"").Skip(1).Select(part =>
        {
            var row = part[..part.IndexOf("</tr>", StringComparison.Ordinal)];
            var link = NameLink().Match(row);
            return new RegisterRow(
                Guid.Parse(link.Groups["id"].Value),
                WebUtility.HtmlDecode(link.Groups["name"].Value),
                VillageCode().Match(row).Groups["code"].Value,
                [.. NumberCell().Matches(row).Select(m => m.Groups["n"].Value.Trim())]);
        }).ToList();
        return new RegisterPage(html, HttpHelpers.TestIdNumber(html, "register-total"), rows);
    }

    private async Task<RegisterPage> RegisterAsAsync(string userName, string query = "")
    {
        using var client = await factory.CreateLoggedInClientAsync(userName);
        return await GetRegisterAsync(client, query);
    }

    /// <summary>Every row of a listing, page by page.</summary>
    private static async Task<List<RegisterRow>> AllRowsAsync(HttpClient client, string query)
    {
        var first = await GetRegisterAsync(client, query);
        var rows = first.Rows.ToList();
        for (var page = 2; rows.Count < first.Total; page++)
        {
            var next = await GetRegisterAsync(client, $"{query}&halaman={page}");
            Assert.NotEmpty(next.Rows);
            rows.AddRange(next.Rows);
        }
        return rows;
    }

    [ProviderFact]
    public async Task The_admin_sees_all_81_WKSBM_on_four_pages_of_25()
    {
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
        var pages = new List<RegisterPage>();
        for (var page = 1; page <= 4; page++)
        {
            pages.Add(await GetRegisterAsync(client, $"?halaman={page}"));
        }
        Assert.All(pages, p => Assert.Equal(81, p.Total));
        Assert.Equal([25, 25, 25, 6], pages.Select(p => p.Rows.Count));
        Assert.Equal(81, pages.SelectMany(p => p.Rows).Select(r => r.Id).Distinct().Count());
        Assert.Contains("href=\"/wksbm?halaman=4\"", pages[0].Html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/wksbm/{pages[0].Rows[0].Id}\"", pages[0].Html, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task A_search_by_part_of_a_name_ignores_case()
    {
        var names = await factory.WithDbAsync(db => db.Institutions.Select(i => i.Name).ToListAsync());
        // "Padukuhan Karangrejo" -> "ARANGREJ": a part of a word, in the other case.
        var word = names.SelectMany(n => n.Split(' ')).First(w => w.Length >= 8 && w != "Padukuhan");
        var part = word[1..^1].ToUpperInvariant();
        var expected = names.Where(n => n.Contains(part, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();

        var page = await RegisterAsAsync(TestUsers.Admin, "?q=" + Uri.EscapeDataString(part.ToLowerInvariant()));
        Assert.Equal(expected.Count, page.Total);
        Assert.Equal(expected.Take(25), page.Rows.Select(r => r.Name));
        Assert.Equal(expected.Count, (await RegisterAsAsync(TestUsers.Admin, "?q=" + Uri.EscapeDataString(part))).Total);
    }

    [ProviderFact]
    public async Task A_kabupaten_filter_lists_only_that_kabupaten()
    {
        var expected = await factory.WithDbAsync(db => db.Institutions.CountAsync(i => i.RegencyCode == "34.02"));
        var page = await RegisterAsAsync(TestUsers.Admin, "?kabupaten=34.02");
        Assert.Equal(18, expected);
        Assert.Equal(expected, page.Total);
        Assert.Equal(expected, page.Rows.Count);
        Assert.All(page.Rows, r => Assert.StartsWith("34.02.", r.VillageCode, StringComparison.Ordinal));
        // The kapanewon select now offers Bantul's 17 kapanewon.
        Assert.Contains("<option value=\"34.02.15\">Kapanewon Sewon</option>", page.Html, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task A_kalurahan_filter_lists_exactly_the_WKSBM_of_that_kalurahan()
    {
        var village = await factory.WithDbAsync(db => db.Institutions.OrderBy(i => i.Name).Select(i => i.VillageCode).FirstAsync());
        var expected = await factory.WithDbAsync(db => db.Institutions.Where(i => i.VillageCode == village).Select(i => i.Id).ToListAsync());

        var page = await RegisterAsAsync(TestUsers.Admin, "?kalurahan=" + village);
        Assert.Single(expected);
        Assert.Equal(expected, page.Rows.Select(r => r.Id));
        Assert.Equal(1, page.Total);
        // The parents of the kalurahan are filled in, so the selects show where the filter is.
        Assert.Contains($"<option value=\"{village[..5]}\" selected=\"selected\">", page.Html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{village[..8]}\" selected=\"selected\">", page.Html, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task The_Bantul_office_sees_only_Bantul_and_a_Sleman_filter_finds_nothing()
    {
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.DinsosBantul);
        var rows = await AllRowsAsync(client, "?urut=lokasi");
        Assert.Equal(18, rows.Count);
        Assert.All(rows, r => Assert.StartsWith("34.02.", r.VillageCode, StringComparison.Ordinal));

        var sleman = await GetRegisterAsync(client, "?kabupaten=34.04");
        Assert.Equal(0, sleman.Total);
        Assert.Empty(sleman.Rows);
        Assert.Contains("Tidak ada WKSBM yang cocok.", sleman.Html, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task A_pengurus_sees_only_their_own_WKSBM()
    {
        var page = await RegisterAsAsync(TestUsers.Pengurus(1));
        Assert.Equal(1, page.Total);
        var own = await factory.WithDbAsync(db => db.Institutions.OrderBy(i => i.VillageCode).Select(i => i.Id).FirstAsync());
        Assert.Equal([own], page.Rows.Select(r => r.Id));
        Assert.DoesNotContain("Tambah WKSBM", page.Html, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task Sorting_by_name_orders_every_page_both_ways()
    {
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
        var ascending = (await AllRowsAsync(client, "?urut=nama")).Select(r => r.Name).ToList();
        var descending = (await AllRowsAsync(client, "?urut=nama&arah=turun")).Select(r => r.Name).ToList();
        Assert.Equal(81, ascending.Count);
        Assert.Equal(ascending.Order(StringComparer.Ordinal), ascending);
        Assert.Equal(ascending.AsEnumerable().Reverse(), descending);
    }

    [ProviderFact]
    public async Task Sorting_by_location_and_by_beneficiaries_spans_the_pages()
    {
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
        var byLocation = (await AllRowsAsync(client, "?urut=lokasi")).Select(r => r.VillageCode).ToList();
        Assert.Equal(byLocation.Order(StringComparer.Ordinal), byLocation);

        var expected = await factory.WithDbAsync(db => db.Beneficiaries.GroupBy(b => b.InstitutionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count));
        var byCount = await AllRowsAsync(client, "?urut=penerima&arah=turun");
        var counts = byCount.Select(r => int.Parse(r.Numbers[0], NumberStyles.AllowThousands, Indonesian)).ToList();
        Assert.Equal(81, byCount.Select(r => r.Id).Distinct().Count());
        Assert.Equal(counts.OrderDescending(), counts);
        Assert.All(byCount.Zip(counts), pair => Assert.Equal(expected.GetValueOrDefault(pair.First.Id), pair.Second));
    }

    [ProviderFact]
    public async Task The_people_served_this_semester_match_the_services()
    {
        var semester = Semester.Of(factory.Today);
        var served = await factory.WithDbAsync(db => db.Services
            .Where(s => s.Date >= semester.Start && s.Date <= semester.End)
            .GroupBy(s => s.InstitutionId).Select(g => new { g.Key, People = g.Select(s => s.BeneficiaryId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, x => x.People));
        var page = await RegisterAsAsync(TestUsers.Admin, "?urut=dilayani&arah=turun");
        Assert.True(served.Values.Max() > 0, "The demo data has no service this semester.");
        Assert.Equal(served.Values.Max().ToString("N0", Indonesian), page.Rows[0].Numbers[1]);
        Assert.All(page.Rows, r => Assert.Equal(served.GetValueOrDefault(r.Id).ToString("N0", Indonesian), r.Numbers[1]));
    }

    [ProviderFact]
    public async Task The_forum_sees_counts_of_beneficiaries_but_small_ones_hidden()
    {
        var expected = await factory.WithDbAsync(db => db.Beneficiaries.GroupBy(b => b.InstitutionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count));
        var page = await RegisterAsAsync(TestUsers.Forum);
        Assert.Equal(81, page.Total);
        Assert.All(page.Rows, r =>
        {
            var count = expected.GetValueOrDefault(r.Id);
            Assert.Equal(count is > 0 and < 5 ? "<5" : count.ToString("N0", Indonesian), WebUtility.HtmlDecode(r.Numbers[0]));
        });
        Assert.Contains(page.Rows, r => expected.GetValueOrDefault(r.Id) >= 5);
        Assert.DoesNotContain("Tambah WKSBM", page.Html, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task The_add_button_is_for_province_and_district_officers()
    {
        Assert.Contains("href=\"/wksbm/baru\"", (await RegisterAsAsync(TestUsers.Admin)).Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/wksbm/baru\"", (await RegisterAsAsync(TestUsers.DinsosSleman)).Html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/wksbm/baru\"", (await RegisterAsAsync(TestUsers.Relawan01)).Html, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task The_status_filter_and_the_level_filter_follow_the_latest_assessment()
    {
        // A verified assessment long ago for one WKSBM without any: its latest level, unless a newer one exists.
        var institution = await factory.WithDbAsync(db => db.Institutions
            .Where(i => !db.Assessments.Any(a => a.InstitutionId == i.Id))
            .OrderBy(i => i.Name).Select(i => new { i.Id, i.RegencyCode }).FirstOrDefaultAsync());
        var added = institution is null ? null : new Assessment
        {
            InstitutionId = institution.Id, RegencyCode = institution.RegencyCode, Year = 2001, Half = 1,
            Status = AssessmentStatus.Diverifikasi, Score = 80, Level = StrengthLevel.Mandiri, SubmittedBy = "uji",
        };
        if (added is not null)
        {
            await factory.WithDbAsync(db => { db.Assessments.Add(added); return db.SaveChangesAsync(); });
        }
        try
        {
            var assessments = await factory.WithDbAsync(db => db.Assessments.Select(a => new { a.InstitutionId, a.Year, a.Half, a.Level }).ToListAsync());
            var latest = assessments.GroupBy(a => a.InstitutionId)
                .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Year).ThenByDescending(a => a.Half).First().Level);
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
            foreach (var level in Enum.GetValues<StrengthLevel>())
            {
                var ids = (await AllRowsAsync(client, "?tingkat=" + Slug.Of(level))).Select(r => r.Id).Order();
                Assert.Equal(latest.Where(l => l.Value == level).Select(l => l.Key).Order(), ids);
            }
            var notAssessed = await GetRegisterAsync(client, "?tingkat=belum-dinilai");
            Assert.Equal(81 - latest.Count, notAssessed.Total);
            if (added is not null)
            {
                Assert.Equal(StrengthLevel.Mandiri, latest[added.InstitutionId]);
            }

            var active = await factory.WithDbAsync(db => db.Institutions.CountAsync(i => i.Status == InstitutionStatus.Aktif));
            Assert.Equal(active, (await GetRegisterAsync(client, "?status=aktif")).Total);
            Assert.Equal(81 - active, (await GetRegisterAsync(client, "?status=pembentukan")).Total
                + (await GetRegisterAsync(client, "?status=tidak-aktif")).Total);
        }
        finally
        {
            if (added is not null)
            {
                await factory.WithDbAsync(db => db.Assessments.Where(a => a.Id == added.Id).ExecuteDeleteAsync());
            }
        }
    }

    [ProviderFact]
    public async Task Html_in_the_search_box_is_shown_escaped()
    {
        var page = await RegisterAsAsync(TestUsers.Admin, "?q=" + Uri.EscapeDataString("<script>alert(1)</script>"));
        Assert.Equal(0, page.Total);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", page.Html, StringComparison.Ordinal);
    }

    [ProviderTheory]
    [InlineData("?kabupaten=99.99", 81, 25, true)]
    [InlineData("?kalurahan=34.02.99.9999", 81, 25, true)]
    [InlineData("?status=hilang&tingkat=super", 81, 25, true)]
    [InlineData("?urut=acak", 81, 25, true)]
    [InlineData("?halaman=0", 81, 25, false)]
    [InlineData("?halaman=-3", 81, 25, false)]
    [InlineData("?halaman=abc", 81, 25, false)]
    [InlineData("?halaman=9999", 81, 6, false)]
    [InlineData("?kabupaten=34.02&kapanewon=34.04.01", 18, 18, false)]
    public async Task Bad_query_values_give_a_friendly_listing_not_an_error(string query, int total, int rows, bool notice)
    {
        var page = await RegisterAsAsync(TestUsers.Admin, query);
        Assert.Equal(total, page.Total);
        Assert.Equal(rows, page.Rows.Count);
        Assert.Equal(notice, page.Html.Contains("tidak dikenal dan tidak dipakai", StringComparison.Ordinal));
    }

    [ProviderFact]
    public async Task The_region_selects_get_their_options_from_small_handlers()
    {
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
        var districts = await client.GetStringAsync("/wksbm?handler=kapanewon&kabupaten=34.02");
        // "Semua kapanewon", Bantul's 17 kapanewon, and "Semua kalurahan" of the emptied kalurahan select.
        Assert.Equal(1 + 17 + 1, OptionTag().Count(districts));
        Assert.Contains("<option value=\"34.02.15\">Kapanewon Sewon</option>", districts, StringComparison.Ordinal);
        // Changing the kabupaten empties the kalurahan select (htmx out-of-band swap).
        Assert.Contains("<select id=\"kalurahan\" hx-swap-oob=\"innerHTML\">", districts, StringComparison.Ordinal);

        var villages = await client.GetStringAsync("/wksbm?handler=kalurahan&kapanewon=34.71.01");
        Assert.Contains("<option value=\"34.71.01.1001\">Kelurahan Kricak</option>", villages, StringComparison.Ordinal);
        Assert.Equal(1 + RegionCatalog.Instance.ChildrenOf("34.71.01").Count, OptionTag().Count(villages));

        var unknown = await client.GetStringAsync("/wksbm?handler=kalurahan&kapanewon=99");
        Assert.Equal(1, OptionTag().Count(unknown));
    }

    [ProviderFact]
    public async Task Anonymous_visitors_are_sent_to_log_in()
    {
        using var client = factory.CreateBrowserLikeClient();
        using var response = await client.GetAsync("/wksbm");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(HttpHelpers.LoginPath, response.RedirectTarget(), StringComparison.Ordinal);
    }

    [GeneratedRegex("""<a href="/wksbm/(?<id>[0-9a-f-]{36})">(?<name>[^<]*)</a>""")]
    private static partial Regex NameLink();

    [GeneratedRegex("""data-village-code="(?<code>[0-9.]+)""")]
    private static partial Regex VillageCode();

    [GeneratedRegex("""<td class="text-end">(?<n>[^<]*)</td>""")]
    private static partial Regex NumberCell();

    [GeneratedRegex("<option ")]
    private static partial Regex OptionTag();
}

[Collection(OnSqlite.Name)]
public sealed class RegisterPageTestsOnSqlite(SqliteFixture app) : RegisterPageTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class RegisterPageTestsOnPostgres(PostgresFixture app) : RegisterPageTests(app.Factory);
