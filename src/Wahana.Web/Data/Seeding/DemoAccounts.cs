using System.Globalization;
using Bogus;
using Microsoft.AspNetCore.Identity;
using Wahana.Web.Domain;

namespace Wahana.Web.Data.Seeding;

/// <summary>The demo sign-ins, one for each role and scope, all with the password <see cref="DemoData.Password"/>.</summary>
internal static class DemoAccounts
{
    private static readonly (string UserName, string RegencyCode)[] DistrictOffices =
    [
        ("dinsos.kulonprogo", "34.01"),
        ("dinsos.bantul", "34.02"),
        ("dinsos.gunungkidul", "34.03"),
        ("dinsos.sleman", "34.04"),
        ("dinsos.yogyakarta", "34.71"),
    ];

    public static List<WahanaUser> Create(
        Faker faker, UserManager<WahanaUser> users, IReadOnlyList<Institution> institutions, DemoPartners partners)
    {
        var accounts = new List<WahanaUser>
        {
            new() { UserName = "admin.diy", Role = WahanaRole.AdminProvinsi },
        };
        foreach (var (userName, regencyCode) in DistrictOffices)
        {
            accounts.Add(new() { UserName = userName, Role = WahanaRole.PetugasKabupaten, ScopeRegencyCode = regencyCode });
        }
        accounts.Add(new() { UserName = "forum.diy", Role = WahanaRole.Forum });

        // pengurus.01 ... pengurus.81 follow the kalurahan codes, so the numbering reads west to east, district by district.
        var byVillage = institutions.OrderBy(i => i.VillageCode, StringComparer.Ordinal).ToList();
        for (var i = 0; i < byVillage.Count; i++)
        {
            var institution = byVillage[i];
            accounts.Add(new()
            {
                UserName = "pengurus." + (i + 1).ToString("00", CultureInfo.InvariantCulture),
                FullName = institution.BoardMembers.First(m => m.Position == BoardPosition.Ketua).Name,
                Role = WahanaRole.PengurusWksbm,
                ScopeInstitutionId = institution.Id,
            });
        }
        accounts.Add(new() { UserName = "relawan.01", Role = WahanaRole.Relawan, ScopeInstitutionId = byVillage[0].Id });
        accounts.Add(new() { UserName = "mitra.baznas", Role = WahanaRole.Mitra, ScopePartnerId = partners.Baznas.Id });

        // One hash for all: PBKDF2 at 210,000 iterations costs about 0.1 s per call.
        var passwordHash = users.PasswordHasher.HashPassword(accounts[0], DemoData.Password);
        foreach (var account in accounts)
        {
            if (account.FullName.Length == 0)
            {
                account.FullName = DemoFakes.PersonName(faker, DemoFakes.AnySex(faker));
            }
            account.NormalizedUserName = users.NormalizeName(account.UserName);
            account.PasswordHash = passwordHash;
            account.LockoutEnabled = true;
            DemoFakes.EnsureValid(account.ValidateScope(RegionCatalog.Instance), account.UserName!);
        }
        return accounts;
    }
}
