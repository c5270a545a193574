using System.Net;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Data;
using Wahana.Web.Domain;
using Wahana.Web.Features.Beneficiaries;
using static Wahana.Tests.Features.Beneficiaries.BeneficiaryReadTestData;

namespace Wahana.Tests.Features.Beneficiaries;

/// <summary>/penerima and GET /api/v1/beneficiaries: name and number search, every filter, sort and pages.</summary>
public abstract class BeneficiaryListTests(WahanaFactory factory)
{
    [ProviderFact]
    public async Task Name_search_is_partial_and_ignores_case_and_accents()
    {
        var home = await HomeOfAsync(factory, 40);
        var token = Token();
        var person = Person(home, $"Sévérine Ñgatini {token}", Sex.Perempuan, new DateOnly(1961, 4, 12));
        var other = Person(home, $"Severino Budiman {token}x", Sex.LakiLaki, new DateOnly(1962, 5, 13));
        await AddAsync(factory, person, other);
        try
        {
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
            // Part of a word, in another case, without the accents; and two words in either order.
            foreach (var query in new[] { $"?q=SEVERINE+{token[1..6]}", $"?q=ngatini+{token.ToLowerInvariant()}", $"?q={token[2..7]}+%C3%91GAT", $"?q={Uri.EscapeDataString("séverine")}+{token}" })
            {
                var (rows, _) = await ListPageAsync(client, query);
                Assert.True(rows.Count == 1, $"{query}: {string.Join(", ", rows.Select(r => r.Name))}");
                Assert.Equal(person.Id, rows[0].Id);
                Assert.Equal(person.Name, rows[0].Name);
            }
            var (both, html) = await ListPageAsync(client, $"?q={token[1..5]}");
            Assert.Equal(new[] { person.Id, other.Id }.Order(), both.Select(r => r.Id).Order());
            Assert.Equal(2, HttpHelpers.TestIdNumber(html, "beneficiary-total"));
            // The API searches the same way.
            using var api = await factory.CreateApiClientAsync(TestUsers.Admin);
            var (items, total, capped) = await ApiListAsync(api, $"?q=severine+{token[1..6].ToUpperInvariant()}");
            Assert.Equal((1, false), (total, capped));
            Assert.Equal(person.Id, items.Single().GetProperty("id").GetGuid());
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id, other.Id);
        }
    }

    [ProviderFact]
    public async Task A_new_or_renamed_person_is_found_by_the_new_name_and_not_the_old_one()
    {
        var home = await HomeOfAsync(factory, 40);
        var (first, second) = (Token(), Token());
        var person = Person(home, $"Wagiyem {first}", Sex.Perempuan, new DateOnly(1950, 1, 30));
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(40));
        try
        {
            Assert.Empty((await ListPageAsync(client, $"?q={first}")).Rows);
            await AddAsync(factory, person);
            Assert.Equal([person.Id], (await ListPageAsync(client, $"?q={first}")).Rows.Select(r => r.Id));

            await factory.WithDbAsync(async db =>
            {
                var saved = await db.Beneficiaries.SingleAsync(b => b.Id == person.Id);
                saved.Name = $"Wagiyem {second}";
                return await db.SaveChangesAsync();
            });
            Assert.Empty((await ListPageAsync(client, $"?q={first}")).Rows);
            Assert.Equal([person.Id], (await ListPageAsync(client, $"?q={second}")).Rows.Select(r => r.Id));
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
        Assert.Empty((await ListPageAsync(client, $"?q={second}")).Rows);
    }

    [ProviderFact]
    public async Task A_full_NIK_or_KK_finds_exactly_that_person_or_family_and_part_of_one_finds_nobody()
    {
        var home = await HomeOfAsync(factory, 41);
        var kk = KkFor(home.VillageCode);
        var mother = Person(home, $"Sumiyati {Token()}", Sex.Perempuan, new DateOnly(1980, 3, 3), kk: kk);
        var child = Person(home, $"Dimas {Token()}", Sex.LakiLaki, new DateOnly(2015, 6, 6), kk: kk, categories: 2);
        await AddAsync(factory, mother, child);
        try
        {
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
            var (byNik, _) = await ListPageAsync(client, $"?q={mother.Nik}");
            Assert.Equal([mother.Id], byNik.Select(r => r.Id));
            Assert.Equal(Nik.Mask(mother.Nik), byNik[0].Nik);
            // Typed with spaces, as printed on the card.
            var spaced = $"{mother.Nik![..6]} {mother.Nik[6..12]} {mother.Nik[12..]}";
            Assert.Equal([mother.Id], (await ListPageAsync(client, "?q=" + Uri.EscapeDataString(spaced))).Rows.Select(r => r.Id));
            var (byKk, _) = await ListPageAsync(client, $"?q={kk}");
            Assert.Equal(new[] { mother.Id, child.Id }.Order(), byKk.Select(r => r.Id).Order());

            var (partial, html) = await ListPageAsync(client, $"?q={mother.Nik[..10]}");
            Assert.Empty(partial);
            Assert.Contains("dicari lengkap, 16 digit", html, StringComparison.Ordinal);

            using var api = await factory.CreateApiClientAsync(TestUsers.Admin);
            Assert.Equal([mother.Id], (await ApiListAsync(api, $"?nik={mother.Nik}")).Items.Select(i => i.GetProperty("id").GetGuid()));
            Assert.Equal(2, (await ApiListAsync(api, $"?kk={kk}")).Total);
            using var bad = await api.GetAsync($"/api/v1/beneficiaries?nik={mother.Nik[..10]}");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("\"nik\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(mother.Id, child.Id);
        }
    }

    private sealed record Known(Guid Id, Sex Sex, DateOnly BirthDate, int? Desil, string? Nik, BeneficiaryStatus Status, List<int> Categories, bool Served);

    /// <summary>Each filter of the API gives exactly the people of the WKSBM that a plain reading of the data says.</summary>
    [ProviderTheory]
    [InlineData("category=lansia-terlantar")]
    [InlineData("category=fakir-miskin")]
    [InlineData("sex=P")]
    [InlineData("sex=L")]
    [InlineData("ageGroup=0-5")]
    [InlineData("ageGroup=6-17")]
    [InlineData("ageGroup=18-59")]
    [InlineData("ageGroup=60%2B")]
    [InlineData("desil=1")]
    [InlineData("desil=2")]
    [InlineData("withoutNik=true")]
    [InlineData("notServed=true")]
    [InlineData("status=aktif")]
    [InlineData("sex=P&ageGroup=60%2B&category=lansia-terlantar")]
    public async Task Each_filter_narrows_the_list_to_the_people_it_names(string filter)
    {
        var home = await HomeOfAsync(factory, 42);
        var today = factory.Today;
        var semester = Semester.Of(today);
        var people = await factory.WithDbAsync(db => db.Beneficiaries.Where(b => b.InstitutionId == home.Id)
            .Select(b => new Known(b.Id, b.Sex, b.BirthDate, b.Desil, b.Nik, b.Status, b.Categories.Select(c => c.CategoryId).ToList(),
                db.Services.Any(s => s.BeneficiaryId == b.Id && s.Date >= semester.Start && s.Date <= semester.End)))
            .ToListAsync());
        int Age(DateOnly birth) => today.Year - birth.Year - (birth.AddYears(today.Year - birth.Year) > today ? 1 : 0);
        bool Matches(Known p, string part) => part switch
        {
            "category=lansia-terlantar" => p.Categories.Contains(8),
            "category=fakir-miskin" => p.Categories.Contains(24),
            "sex=P" => p.Sex == Sex.Perempuan,
            "sex=L" => p.Sex == Sex.LakiLaki,
            "ageGroup=0-5" => Age(p.BirthDate) <= 5,
            "ageGroup=6-17" => Age(p.BirthDate) is >= 6 and <= 17,
            "ageGroup=18-59" => Age(p.BirthDate) is >= 18 and <= 59,
            "ageGroup=60%2B" => Age(p.BirthDate) >= 60,
            "desil=1" => p.Desil == 1,
            "desil=2" => p.Desil == 2,
            "withoutNik=true" => p.Nik is null,
            "notServed=true" => !p.Served,
            "status=aktif" => p.Status == BeneficiaryStatus.Aktif,
            _ => throw new ArgumentOutOfRangeException(nameof(part), part),
        };
        var expected = people.Where(p => filter.Split('&').All(part => Matches(p, part))).Select(p => p.Id).Order().ToList();
        Assert.InRange(people.Count, 30, 200);
        Assert.True(expected.Count < people.Count || filter == "status=aktif", $"{filter} should narrow the list");

        using var pengurus = await factory.CreateApiClientAsync(TestUsers.Pengurus(42));
        var ids = await ApiAllIdsAsync(pengurus, "&" + filter);
        Assert.Equal(expected, ids.Order().ToList());
        // The same filter for the province, narrowed to the WKSBM, gives the same people.
        using var admin = await factory.CreateApiClientAsync(TestUsers.Admin);
        Assert.Equal(expected, (await ApiAllIdsAsync(admin, $"&institution={home.Id}&{filter}")).Order().ToList());
    }

    [ProviderFact]
    public async Task Region_filters_narrow_to_the_kalurahan_kapanewon_and_kabupaten()
    {
        var home = await HomeOfAsync(factory, 43);
        var district = RegionCatalog.Instance.Find(home.VillageCode)!.ParentCode!;
        var expectedVillage = await factory.WithDbAsync(db => db.Beneficiaries.Where(b => b.VillageCode == home.VillageCode).Select(b => b.Id).ToListAsync());
        var prefix = district + ".";
        var expectedDistrict = await factory.WithDbAsync(db => db.Beneficiaries.Where(b => b.VillageCode.StartsWith(prefix)).Select(b => b.Id).ToListAsync());
        Assert.NotEmpty(expectedVillage);

        using var admin = await factory.CreateApiClientAsync(TestUsers.Admin);
        Assert.Equal(expectedVillage.Order(), (await ApiAllIdsAsync(admin, $"&village={home.VillageCode}")).Order());
        Assert.Equal(expectedDistrict.Order(), (await ApiAllIdsAsync(admin, $"&district={district}")).Order());
        var (items, _, _) = await ApiListAsync(admin, $"?regency={home.RegencyCode}&pageSize=200");
        Assert.Equal(200, items.Count);
        Assert.All(items, i => Assert.StartsWith(home.RegencyCode + ".", i.GetProperty("villageCode").GetString(), StringComparison.Ordinal));

        // The page: the same kalurahan, and its rows.
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
        var (rows, html) = await ListPageAsync(client, $"?kalurahan={home.VillageCode}");
        Assert.Equal(Math.Min(25, expectedVillage.Count), rows.Count);
        Assert.All(rows, r => Assert.Contains(r.Id, expectedVillage));
        if (expectedVillage.Count <= BeneficiaryQuery.CountCap)
        {
            Assert.Equal(expectedVillage.Count, HttpHelpers.TestIdNumber(html, "beneficiary-total"));
        }
        // A kalurahan outside the chosen kabupaten: the API says so.
        using var wrong = await admin.GetAsync($"/api/v1/beneficiaries?regency=34.71&village={home.VillageCode}");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
    }

    [ProviderFact]
    public async Task The_page_filters_show_only_matching_rows()
    {
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(44));
        var (_, html) = await ListPageAsync(client, "?kategori=lansia-terlantar&jk=P&umur=60%2B");
        var sexes = System.Text.RegularExpressions.Regex.Matches(html, "data-testid=\"beneficiary-sex\">([LP])<").Select(m => m.Groups[1].Value).ToList();
        var ages = System.Text.RegularExpressions.Regex.Matches(html, "data-testid=\"beneficiary-age\">(\\d+)<").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var categories = System.Text.RegularExpressions.Regex.Matches(html, "data-slugs=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(sexes);
        Assert.All(sexes, s => Assert.Equal("P", s));
        Assert.All(ages, a => Assert.True(a >= 60));
        Assert.All(categories, c => Assert.Contains("lansia-terlantar", c.Split(' ')));
    }

    [ProviderFact]
    public async Task Pages_of_25_in_name_order_without_overlap_and_sorting_by_age()
    {
        var home = await HomeOfAsync(factory, 42);
        var all = await factory.WithDbAsync(db => db.Beneficiaries.Where(b => b.InstitutionId == home.Id)
            .OrderBy(b => b.NameKey).ThenBy(b => b.Id).Select(b => new { b.Id, b.BirthDate, b.NameKey }).ToListAsync());
        var keyOf = all.ToDictionary(p => p.Id, p => p.NameKey);
        Assert.True(all.Count > 50);
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(42));
        var (first, html) = await ListPageAsync(client, "");
        var (second, _) = await ListPageAsync(client, "?halaman=2");
        var (beyond, lastHtml) = await ListPageAsync(client, "?halaman=99");
        Assert.Equal(all.Count, HttpHelpers.TestIdNumber(html, "beneficiary-total"));
        // In name order (people of the same name in either order), 25 a page, no one twice.
        Assert.Equal(all.Take(25).Select(p => p.NameKey), first.Select(r => keyOf[r.Id]));
        Assert.Equal(all.Skip(25).Take(25).Select(p => p.NameKey), second.Select(r => keyOf[r.Id]));
        Assert.Empty(first.Select(r => r.Id).Intersect(second.Select(r => r.Id)));
        // A page past the end shows the last page.
        Assert.Equal(all.Skip((all.Count - 1) / 25 * 25).Select(p => p.NameKey), beyond.Select(r => keyOf[r.Id]));
        Assert.Contains("aria-current=\"page\"", lastHtml, StringComparison.Ordinal);

        var (youngest, _) = await ListPageAsync(client, "?urut=umur");
        Assert.Equal(all.Max(p => p.BirthDate), all.Single(p => p.Id == youngest[0].Id).BirthDate);
        var (oldest, _) = await ListPageAsync(client, "?urut=umur&arah=turun");
        Assert.Equal(all.Min(p => p.BirthDate), all.Single(p => p.Id == oldest[0].Id).BirthDate);

        using var api = await factory.CreateApiClientAsync(TestUsers.Pengurus(42));
        var (page2, total, capped) = await ApiListAsync(api, "?pageSize=10&page=2");
        Assert.Equal((all.Count, false), (total, capped));
        Assert.Equal(all.Skip(10).Take(10).Select(p => p.NameKey), page2.Select(i => keyOf[i.GetProperty("id").GetGuid()]));
        var (byAge, _, _) = await ApiListAsync(api, "?sort=-age&pageSize=200");
        var births = byAge.Select(i => DateOnly.Parse(i.GetProperty("birthDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(births.Order(), births);
    }

    [ProviderFact]
    public async Task The_page_counts_a_large_list_up_to_its_cap_and_the_API_up_to_a_larger_one()
    {
        using var client = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
        var (rows, html) = await ListPageAsync(client, "");
        Assert.Equal(25, rows.Count);
        Assert.Contains($"lebih dari {BeneficiaryQuery.CountCap}", HttpHelpers.TestIdText(html, "beneficiary-total-capped"), StringComparison.Ordinal);
        Assert.Contains("rel=\"next\"", html, StringComparison.Ordinal);
        using var api = await factory.CreateApiClientAsync(TestUsers.Admin);
        var (_, total, capped) = await ApiListAsync(api, "");
        var inRegistry = await factory.WithDbAsync(db => db.Beneficiaries.IgnoreQueryFilters([WahanaDbContext.ScopeFilter]).CountAsync());
        Assert.True(inRegistry > BeneficiaryQuery.ApiCountCap);
        Assert.Equal((BeneficiaryQuery.ApiCountCap, true), (total, capped));
        // Under the cap the API total is exact, also past the page's cap of 100: a kapanewon of that size.
        var districts = await factory.WithDbAsync(db => db.Beneficiaries.IgnoreQueryFilters([WahanaDbContext.ScopeFilter])
            .GroupBy(b => b.VillageCode.Substring(0, 8)).Select(g => new { Code = g.Key, People = g.Count() }).ToListAsync());
        var district = districts.OrderBy(d => d.Code, StringComparer.Ordinal)
            .First(d => d.People > BeneficiaryQuery.CountCap && d.People <= BeneficiaryQuery.ApiCountCap);
        var (_, districtTotal, districtCapped) = await ApiListAsync(api, $"?district={district.Code}&pageSize=10");
        Assert.Equal((district.People, false), (districtTotal, districtCapped));
    }

    [ProviderFact]
    public async Task Html_in_a_name_is_escaped_on_the_list_and_the_profile()
    {
        var home = await HomeOfAsync(factory, 43);
        var token = Token();
        var person = Person(home, $"<script>alert('x')</script> {token}", Sex.LakiLaki, new DateOnly(1970, 7, 7));
        await AddAsync(factory, person);
        try
        {
            using var client = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(43));
            var (rows, html) = await ListPageAsync(client, $"?q={token}");
            Assert.Equal(person.Name, rows.Single().Name);
            Assert.DoesNotContain("<script>alert(", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
            var profile = await client.GetStringAsync($"/penerima/{person.Id}");
            Assert.DoesNotContain("<script>alert(", profile, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;", profile, StringComparison.Ordinal);
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }

    [ProviderFact]
    public async Task Each_user_lists_only_their_scope()
    {
        var home40 = await HomeOfAsync(factory, 40);
        var home41 = await HomeOfAsync(factory, 41);
        var token = Token();
        var person = Person(home41, $"Karsono {token}", Sex.LakiLaki, new DateOnly(1944, 2, 2));
        await AddAsync(factory, person);
        try
        {
            using var own = await factory.CreateApiClientAsync(TestUsers.Pengurus(41));
            using var other = await factory.CreateApiClientAsync(TestUsers.Pengurus(40));
            Assert.Equal(1, (await ApiListAsync(own, $"?q={token}")).Total);
            Assert.Equal(0, (await ApiListAsync(other, $"?q={token}")).Total);
            // A filter naming another WKSBM does not widen a pengurus's scope.
            Assert.Equal(0, (await ApiListAsync(other, $"?institution={home41.Id}")).Total);
            var (items, _, _) = await ApiListAsync(other, "?pageSize=200");
            Assert.All(items, i => Assert.Equal(home40.Id, i.GetProperty("institutionId").GetGuid()));

            var outside = TestUsers.DistrictOffices.First(o => o.RegencyCode != home41.RegencyCode).UserName;
            using var district = await factory.CreateApiClientAsync(outside);
            Assert.Equal(0, (await ApiListAsync(district, $"?q={token}")).Total);
            var inside = TestUsers.DistrictOffices.Single(o => o.RegencyCode == home41.RegencyCode).UserName;
            using var ownDistrict = await factory.CreateApiClientAsync(inside);
            Assert.Equal(1, (await ApiListAsync(ownDistrict, $"?q={token}")).Total);
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }

    [ProviderTheory]
    [InlineData("sex=X", "sex")]
    [InlineData("ageGroup=7-9", "ageGroup")]
    [InlineData("desil=11", "desil")]
    [InlineData("category=tidak-ada", "category")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("sort=tinggi", "sort")]
    [InlineData("regency=34.99", "regency")]
    public async Task A_bad_API_parameter_answers_400_naming_the_field(string query, string field)
    {
        using var api = await factory.CreateApiClientAsync(TestUsers.Admin);
        using var response = await api.GetAsync("/api/v1/beneficiaries?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(field, out var messages));
        Assert.False(string.IsNullOrEmpty(messages[0].GetString()));
    }
}

[Collection(OnSqlite.Name)]
public sealed class BeneficiaryListTestsOnSqlite(SqliteFixture app) : BeneficiaryListTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class BeneficiaryListTestsOnPostgres(PostgresFixture app) : BeneficiaryListTests(app.Factory);
