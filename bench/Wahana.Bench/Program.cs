using Wahana.Bench;

// dotnet run --project bench/Wahana.Bench -c Release -- seed --provider sqlite|postgres --connection "..." [--people 1000000]
return await BenchCommands.RunAsync(args);
