using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Wahana.Web.Data;
using Wahana.Web.Features.BeneficiaryImport;

namespace Wahana.Bench;

/// <summary>
/// import-steps: times the import's stages in one process on one file, to see where the time goes: reading the
/// sheet, parsing and checking the rows, the dry run (with the registry checks), and the commit (rolled back, so the
/// database is unchanged). CPU time of this process per stage; run it on an otherwise idle machine.
/// </summary>
internal static class ImportSteps
{
    public static async Task<int> RunAsync(Func<WahanaDbContext> newContext, string file, string userName, int repeat)
    {
        ImportTarget target;
        await using (var db = newContext())
        {
            await db.Database.MigrateAsync();
            var institution = await db.Users.IgnoreQueryFilters().Where(u => u.UserName == userName)
                .Join(db.Institutions.IgnoreQueryFilters(), u => u.ScopeInstitutionId, i => i.Id, (u, i) => i)
                .SingleAsync();
            target = new ImportTarget(institution.Id, institution.Name, institution.RegencyCode,
                Wahana.Web.Domain.RegionCatalog.Instance.Find(institution.VillageCode)!.ParentCode);
        }
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var spill = Path.Combine(Path.GetTempPath(), $"import-steps-{Guid.NewGuid():N}.rows");
        try
        {
            for (var i = 0; i < repeat; i++)
            {
                var full = Environment.GetEnvironmentVariable("STEPS_INSERT") is null;
                await Time("read the sheet", () =>
                {
                    using var source = SourceReader.Open(file, SourceFormat.Xlsx);
                    var n = source.Rows().Count();
                    return Task.FromResult(n);
                });
                await TimeIf(full, "read + parse", () =>
                {
                    using var source = SourceReader.Open(file, SourceFormat.Xlsx);
                    var parser = new RowParser(ImportColumns.MapHeaders(source.Headers).Map!, target, today);
                    var n = source.Rows().Where(r => !r.IsBlank).Select(parser.Parse).Count(r => r.IsValid);
                    return Task.FromResult(n);
                });
                File.Delete(spill);
                await Time("dry run (read, parse, file and registry checks, spill)", async () =>
                {
                    await using var db = newContext();
                    using var source = SourceReader.Open(file, SourceFormat.Xlsx);
                    var columns = ImportColumns.MapHeaders(source.Headers).Map!;
                    using var writer = RowSpill.Create(spill, columns);
                    var result = await new ImportRun(db, target).CheckAsync(ReadAhead.Of(source.Rows(), default), new RowParser(columns, target, today), writer.Write, _ => { }, default);
                    return result.ValidRows;
                });
                await TimeIf(full, "commit (spill, parse, checks, insert; rolled back)", async () =>
                {
                    await using var db = newContext();
                    await using var transaction = await db.Database.BeginTransactionAsync();
                    var (_, saved) = await new ImportRun(db, target).CommitAsync(
                        RowSpill.Read(spill), new RowParser(RowParser.CanonicalColumns(), target, today), true, _ => { }, default);
                    await transaction.RollbackAsync();
                    return saved.Count;
                });
                foreach (var variant in (Environment.GetEnvironmentVariable("STEPS_INSERT") ?? "").Split("@@", StringSplitOptions.RemoveEmptyEntries))
                {
                    await Time($"insert only ({variant}; rolled back)", async () =>
                    {
                        await using var db = newContext();
                        await using var transaction = await db.Database.BeginTransactionAsync();
                        var parts = variant.Split("||");
                        foreach (var sql in parts[0].Split(';', StringSplitOptions.RemoveEmptyEntries))
                        {
#pragma warning disable EF1002
                            await db.Database.ExecuteSqlRawAsync(sql);
#pragma warning restore EF1002
                        }
                        var parser = new RowParser(RowParser.CanonicalColumns(), target, today);
                        var people = RowSpill.Read(spill).Select(parser.Parse).Where(r => r.IsValid).Select(r => r.Person).ToList();
                        var clock = Stopwatch.StartNew();
                        await using (var insert = await BulkInsert.StartAsync(db, default))
                        {
                            for (var start = 0; start < people.Count; start += 2000)
                            {
                                await insert.InsertAsync(people.GetRange(start, Math.Min(2000, people.Count - start)), default);
                            }
                            await insert.CompleteAsync(default);
                        }
                        Console.WriteLine($"  (inserts alone {clock.Elapsed.TotalSeconds:0.00} s)");
                        clock.Restart();
                        foreach (var sql in parts.Length > 1 ? parts[1].Split(';', StringSplitOptions.RemoveEmptyEntries) : [])
                        {
#pragma warning disable EF1002
                            await db.Database.ExecuteSqlRawAsync(sql);
#pragma warning restore EF1002
                        }
                        Console.WriteLine($"  (after {clock.Elapsed.TotalSeconds:0.00} s)");
                        await transaction.RollbackAsync();
                        return people.Count;
                    });
                }
            }
        }
        finally
        {
            File.Delete(spill);
        }
        return 0;
    }

    private static Task TimeIf(bool run, string step, Func<Task<int>> work) => run ? Time(step, work) : Task.CompletedTask;

    private static async Task Time(string step, Func<Task<int>> work)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var rows = await work();
        process.Refresh();
        Console.WriteLine($"{step}: {rows:N0} rows, {clock.Elapsed.TotalSeconds:0.00} s wall, {(process.TotalProcessorTime - cpu).TotalSeconds:0.00} s CPU");
    }
}
