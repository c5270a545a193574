using Microsoft.AspNetCore.Identity;
using Wahana.Web.Domain;

namespace Wahana.Web.Data.Seeding;

/// <summary>The deterministic DIY demo province (being written by the demo-data work).</summary>
public static class DemoData
{
    public const string Password = "wahana-demo";

    public static Task<bool> SeedIfEmptyAsync(WahanaDbContext db, UserManager<WahanaUser> users, DateOnly today) =>
        throw new NotImplementedException();
}
