using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Infrastructure.Auth;

namespace Wahana.Bench;

/// <summary>The bench tool's commands.</summary>
internal static class BenchCommands
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["import-file", ..])
        {
            return await ImportFileAsync(args);
        }
        if (args is ["import-steps", ..])
        {
            return await ImportSteps.RunAsync(() => Context(Option(args, "--provider") ?? "sqlite",
                    Option(args, "--connection") ?? throw new ArgumentException("--connection is required")),
                Option(args, "--file") ?? throw new ArgumentException("--file is required"), Option(args, "--user") ?? "pengurus.01",
                int.Parse(Option(args, "--repeat") ?? "2", System.Globalization.CultureInfo.InvariantCulture));
        }
        if (args is ["scan", ..])
        {
            return await DuplicateScanBench.RunAsync(Context(Option(args, "--provider") ?? "sqlite",
                Option(args, "--connection") ?? throw new ArgumentException("--connection is required")),
                int.Parse(Option(args, "--parallelism") ?? "-1", System.Globalization.CultureInfo.InvariantCulture));
        }
        if (args is not ["seed", ..])
        {
            await Console.Error.WriteLineAsync(
                "Usage: seed --provider sqlite|postgres --connection CONNECTION [--people 1000000] [--served-share 0.5] [--services N]\n" +
                "       import-file --provider sqlite|postgres --connection CONNECTION [--user pengurus.01] [--rows 100000] --out FILE\n" +
                "       import-steps --provider sqlite|postgres --connection CONNECTION --file FILE.xlsx [--user pengurus.01] [--repeat 2]\n" +
                "       scan --provider sqlite|postgres --connection CONNECTION [--parallelism N]  (writes DuplicatePairs: use a copy)\n" +
                "The database must already hold the demo (start the app on it once); people are added up to --people.");
            return 2;
        }
        var provider = Option(args, "--provider") ?? "sqlite";
        var connection = Option(args, "--connection") ?? throw new ArgumentException("--connection is required");
        var people = int.Parse(Option(args, "--people") ?? "1000000", System.Globalization.CultureInfo.InvariantCulture);
        var servedShare = double.Parse(Option(args, "--served-share") ?? "0.5", System.Globalization.CultureInfo.InvariantCulture);

        var services = Option(args, "--services") is { } total ? int.Parse(total, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;

        var clock = Stopwatch.StartNew();
        var added = await new LargeRegistry(() => Context(provider, connection), people, servedShare, services).FillAsync();
        Console.WriteLine($"added {added:N0} beneficiaries in {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    /// <summary>import-file --provider P --connection C --user pengurus.01 --rows 100000 --out FILE: an import file for bench/import.sh.</summary>
    private static async Task<int> ImportFileAsync(string[] args)
    {
        var provider = Option(args, "--provider") ?? "sqlite";
        var connection = Option(args, "--connection") ?? throw new ArgumentException("--connection is required");
        var rows = int.Parse(Option(args, "--rows") ?? "100000", System.Globalization.CultureInfo.InvariantCulture);
        var output = Option(args, "--out") ?? throw new ArgumentException("--out is required");
        var (id, name) = await new ImportFile(() => Context(provider, connection), Option(args, "--user") ?? "pengurus.01", rows, output).WriteAsync();
        Console.WriteLine($"{id} {name}");
        return 0;
    }

    private static WahanaDbContext Context(string provider, string connection)
    {
        var user = new CurrentUser(new HttpContextAccessor());
        WahanaDbContext db = provider switch
        {
            "postgres" => new PostgresWahanaDbContext(
                new DbContextOptionsBuilder<PostgresWahanaDbContext>().UseNpgsql(connection).Options, user),
            _ => new SqliteWahanaDbContext(
                new DbContextOptionsBuilder<SqliteWahanaDbContext>().UseSqlite(connection).Options, user),
        };
        db.AuditDisabled = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        return db;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
