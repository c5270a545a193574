using System.Net;
using Microsoft.EntityFrameworkCore;
using Wahana.Tests.Support;
using Wahana.Web.Domain;
using static Wahana.Tests.Features.Beneficiaries.BeneficiaryReadTestData;

namespace Wahana.Tests.Features.Beneficiaries;

/// <summary>/penerima/{id}/hapus-data: erasure anonymises the person and keeps every past semester's figures.</summary>
public abstract class BeneficiaryErasureTests(WahanaFactory factory)
{
    /// <summary>The figures of a WKSBM's semester reports, per semester: people served by category, sex and age group; services and rupiah.</summary>
    private Task<string> FiguresAsync(Guid institutionId) => factory.WithDbAsync(async db =>
    {
        var rows = await db.Services.Where(s => s.InstitutionId == institutionId)
            .Select(s => new
            {
                s.Date, s.ValueRupiah, s.BeneficiaryId, s.Beneficiary!.Sex, s.Beneficiary.BirthDate,
                Categories = s.Beneficiary.Categories.Select(c => c.CategoryId).ToList(),
            })
            .ToListAsync();
        var lines = new List<string>();
        foreach (var semester in rows.GroupBy(r => Semester.Of(r.Date)).OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Half))
        {
            var people = semester.DistinctBy(r => r.BeneficiaryId).ToList();
            int Age(DateOnly birth) => semester.Key.End.Year - birth.Year - (birth.AddYears(semester.Key.End.Year - birth.Year) > semester.Key.End ? 1 : 0);
            lines.Add($"{semester.Key}: services {semester.Count()}, rupiah {semester.Sum(r => r.ValueRupiah)}, people {people.Count}");
            lines.Add("  sex " + string.Join(",", people.GroupBy(p => p.Sex).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}")));
            lines.Add("  age " + string.Join(",", people.GroupBy(p => Age(p.BirthDate) switch { <= 5 => 0, <= 17 => 1, <= 59 => 2, _ => 3 })
                .OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}")));
            lines.Add("  category " + string.Join(",", people.SelectMany(p => p.Categories).GroupBy(c => c).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}")));
        }
        return string.Join("\n", lines);
    });

    private static Dictionary<string, string> EraseForm(string reason, bool confirmed) => new()
    {
        ["Reason"] = reason,
        ["Confirmed"] = confirmed ? "true" : "false",
    };

    [ProviderFact]
    public async Task Erasure_anonymises_the_person_everywhere_and_keeps_the_semester_figures()
    {
        var home = await HomeOfAsync(factory, 44);
        var token = Token();
        var person = Person(home, $"Saminem {token}", Sex.Perempuan, new DateOnly(1949, 11, 11), kk: KkFor(home.VillageCode), categories: [8, 9]);
        var neighbour = Person(home, $"Sukarti {Token()}", Sex.Perempuan, new DateOnly(1952, 4, 4), categories: 8);
        await AddAsync(factory, person, neighbour);
        var today = factory.Today;
        await AddServicesAsync(factory,
            ServiceFor(person, Semester.Of(today).Previous.Start.AddDays(10), 300_000),
            ServiceFor(person, Semester.Of(today).Previous.Previous.Start.AddDays(20), 125_000, ServiceKind.RehabilitasiSosial),
            ServiceFor(person, today.AddDays(-1), 50_000),
            ServiceFor(neighbour, Semester.Of(today).Previous.Start.AddDays(10), 300_000));
        try
        {
            // History that holds personal values: a status change with a note, and a reveal.
            using var board = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(44));
            var url = $"/penerima/{person.Id}";
            using (await board.SubmitFormAsync(url, url + "?handler=Status", new()
            {
                ["StatusInput.Status"] = "pindah",
                ["StatusInput.EffectiveOn"] = today.AddDays(-5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["StatusInput.Note"] = $"Pindah ke rumah Saminem {token} di Klaten",
            }))
            {
            }
            var before = await FiguresAsync(home.Id);
            Assert.Contains("services", before, StringComparison.Ordinal);

            var district = TestUsers.DistrictOffices.Single(o => o.RegencyCode == home.RegencyCode).UserName;
            using var office = await factory.CreateLoggedInClientAsync(district);
            using var response = await office.SubmitFormAsync($"{url}/hapus-data", $"{url}/hapus-data", EraseForm("Permohonan tertulis subjek data 20-11-2026", true));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(url, response.RedirectTarget());

            Assert.Equal(before, await FiguresAsync(home.Id));

            var erased = await factory.WithDbAsync(db => db.Beneficiaries.Include(b => b.Categories).SingleAsync(b => b.Id == person.Id));
            Assert.Equal("Anonim " + person.Id.ToString("N")[^6..], erased.Name);
            Assert.Equal((string?)null, erased.Nik);
            Assert.Null(erased.Kk);
            Assert.Null(erased.Phone);
            Assert.Null(erased.ConsentGivenBy);
            Assert.Equal(("", "", ""), (erased.Address, erased.BirthPlace, erased.Hamlet));
            Assert.NotNull(erased.ErasedAt);
            Assert.Equal((Sex.Perempuan, new DateOnly(1949, 11, 11), home.VillageCode, home.Id), (erased.Sex, erased.BirthDate, erased.VillageCode, erased.InstitutionId));
            Assert.Equal([8, 9], erased.Categories.Select(c => c.CategoryId).Order());
            Assert.Equal(3, await factory.WithDbAsync(db => db.Services.CountAsync(s => s.BeneficiaryId == person.Id && s.Notes == null)));
            Assert.All(await factory.WithDbAsync(db => db.BeneficiaryStatusChanges.Where(c => c.BeneficiaryId == person.Id).ToListAsync()), c => Assert.Equal("", c.Note));

            // No audit entry holds the name, NIK or KK any more; the erasure itself is audited without them.
            var audit = await factory.WithDbAsync(db => db.AuditEntries.Select(a => (a.OldValues ?? "") + (a.NewValues ?? "")).ToListAsync());
            Assert.DoesNotContain(audit, a => a.Contains(token, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(audit, a => a.Contains(person.Nik!, StringComparison.Ordinal));
            Assert.DoesNotContain(audit, a => a.Contains(person.Kk!, StringComparison.Ordinal));
            var entry = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "ErasePersonalData" && a.EntityId == person.Id.ToString()));
            Assert.Equal(district, entry.UserName);
            Assert.Contains("Permohonan tertulis subjek data", entry.NewValues, StringComparison.Ordinal);
            Assert.Contains("Nik", entry.NewValues, StringComparison.Ordinal);

            // Not found by the old name; the profile says what happened; the neighbour is untouched.
            using var admin = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
            Assert.Empty((await ListPageAsync(admin, $"?q={token}")).Rows);
            var profile = await admin.GetStringAsync(url);
            Assert.NotNull(HttpHelpers.TestIdText(profile, "erased"));
            Assert.Equal("—", HttpHelpers.TestIdText(profile, "person-nik"));
            Assert.Equal(neighbour.Name, await factory.WithDbAsync(db => db.Beneficiaries.Where(b => b.Id == neighbour.Id).Select(b => b.Name).SingleAsync()));
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id, neighbour.Id);
        }
    }

    [ProviderTheory]
    [InlineData("", true, "Tuliskan dasar penghapusan")]
    [InlineData("Permohonan subjek data", false, "Centang pernyataan")]
    public async Task Erasure_needs_a_reason_and_a_confirmation(string reason, bool confirmed, string message)
    {
        var home = await HomeOfAsync(factory, 44);
        var person = Person(home, $"Sarinah {Token()}", Sex.Perempuan, new DateOnly(1958, 8, 8));
        await AddAsync(factory, person);
        try
        {
            using var admin = await factory.CreateLoggedInClientAsync(TestUsers.Admin);
            var url = $"/penerima/{person.Id}/hapus-data";
            using var response = await admin.SubmitFormAsync(url, url, EraseForm(reason, confirmed));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            var saved = await factory.WithDbAsync(db => db.Beneficiaries.SingleAsync(b => b.Id == person.Id));
            Assert.Equal((person.Name, person.Nik, (DateTimeOffset?)null), (saved.Name, saved.Nik, saved.ErasedAt));
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }

    [ProviderFact]
    public async Task Only_the_offices_in_scope_may_erase()
    {
        var home = await HomeOfAsync(factory, 44);
        var person = Person(home, $"Tumini {Token()}", Sex.Perempuan, new DateOnly(1957, 7, 7));
        await AddAsync(factory, person);
        try
        {
            var url = $"/penerima/{person.Id}/hapus-data";
            using var board = await factory.CreateLoggedInClientAsync(TestUsers.Pengurus(44));
            Assert.True(IsRefused(await board.GetAsync(url)));
            var outside = TestUsers.DistrictOffices.First(o => o.RegencyCode != home.RegencyCode).UserName;
            using var otherOffice = await factory.CreateLoggedInClientAsync(outside);
            Assert.Equal(HttpStatusCode.NotFound, (await otherOffice.GetAsync(url)).StatusCode);
            Assert.Null(await factory.WithDbAsync(db => db.Beneficiaries.Where(b => b.Id == person.Id).Select(b => b.ErasedAt).SingleAsync()));
        }
        finally
        {
            await factory.RemoveBeneficiariesAsync(person.Id);
        }
    }
}

[Collection(OnSqlite.Name)]
public sealed class BeneficiaryErasureTestsOnSqlite(SqliteFixture app) : BeneficiaryErasureTests(app.Factory);

[Collection(OnPostgres.Name)]
public sealed class BeneficiaryErasureTestsOnPostgres(PostgresFixture app) : BeneficiaryErasureTests(app.Factory);
