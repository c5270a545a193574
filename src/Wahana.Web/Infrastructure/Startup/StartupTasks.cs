using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Data.Seeding;
using Wahana.Web.Domain;

namespace Wahana.Web.Infrastructure.Startup;

/// <summary>
/// What runs before the application serves: migrations, reference data, demo data outside Production, and the
/// commands `-- migrate` and `-- create-admin --username U --password P`.
/// </summary>
public static class StartupTasks
{
    /// <summary>Runs a command given after `--`; returns its exit code, or null when there is none and the app should serve.</summary>
    public static async Task<int?> RunCommandAsync(WebApplication app, string[] args)
    {
        switch (CommandOf(args))
        {
            case null:
                return null;
            case "migrate":
                await PrepareDatabaseAsync(app, seedDemo: false);
                Console.WriteLine("Basis data sudah dimigrasikan ke versi terbaru.");
                return 0;
            case "create-admin":
                await PrepareDatabaseAsync(app, seedDemo: false);
                return await CreateAdminAsync(app, Option(args, "--username"), Option(args, "--password"));
            case var unknown:
                Console.Error.WriteLine($"Perintah tidak dikenal: {unknown}. Perintah yang ada: migrate, create-admin --username U --password P");
                return 2;
        }
    }

    public static async Task PrepareDatabaseAsync(WebApplication app, bool seedDemo)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WahanaDbContext>();
        await db.Database.MigrateAsync();
        await ReferenceData.EnsureAsync(db);
        if (seedDemo && !app.Environment.IsProduction())
        {
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var userManager = scope.ServiceProvider.GetRequiredService<UserManager<WahanaUser>>();
            if (await DemoData.SeedIfEmptyAsync(db, userManager, Wib.Today(clock)))
            {
                app.Logger.LogInformation("Demo data created.");
            }
        }
    }

    public static void PrintBanner(WebApplication app)
    {
        var database = app.Services.GetRequiredService<DatabaseDescription>();
        Console.WriteLine($"Wahana: basis data {database.Provider} di {database.Location}");
        if (!app.Environment.IsProduction())
        {
            Console.WriteLine($"Mode DEMO. Akun demo (kata sandi: {DemoData.Password}):");
            Console.WriteLine("  admin.diy (Admin Dinas Sosial DIY), forum.diy (Forum)");
            Console.WriteLine("  dinsos.kulonprogo, dinsos.bantul, dinsos.gunungkidul, dinsos.sleman, dinsos.yogyakarta (petugas kabupaten/kota)");
            Console.WriteLine("  pengurus.01 ... pengurus.81 (pengurus WKSBM), relawan.01 (relawan WKSBM pengurus.01), mitra.baznas (mitra)");
        }
    }

    private static async Task<int> CreateAdminAsync(WebApplication app, string? username, string? password)
    {
        if (string.IsNullOrWhiteSpace(username) || string.IsNullOrWhiteSpace(password))
        {
            Console.Error.WriteLine("Pakai: create-admin --username NAMA --password KATA_SANDI");
            return 2;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WahanaUser>>();
        var admin = new WahanaUser { UserName = username, FullName = username, Role = WahanaRole.AdminProvinsi };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                Console.Error.WriteLine(error.Description);
            }
            return 1;
        }
        Console.WriteLine($"Admin provinsi '{username}' dibuat.");
        return 0;
    }

    /// <summary>The first argument that is neither an option (--urls) nor an option's value (http://...).</summary>
    private static string? CommandOf(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith('-'))
            {
                i += args[i].Contains('=', StringComparison.Ordinal) ? 0 : 1;
            }
            else if (!args[i].Contains('=', StringComparison.Ordinal))
            {
                return args[i];
            }
        }
        return null;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
