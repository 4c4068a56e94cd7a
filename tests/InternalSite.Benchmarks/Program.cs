using System.Globalization;
using InternalSite.Benchmarks;

// Whole-site build benchmark: InternalSite against Hugo on the same generated corpus, side by side in one run.
// Usage: dotnet run -c Release --project tests/InternalSite.Benchmarks -- [--pages 1000,10000] [--runs 3] [--work DIR] [--build-args "--no-social-cards"]
var options = BenchmarkOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: InternalSite.Benchmarks [--pages 1000,10000] [--runs N] [--work DIR]");
    return 2;
}

var repository = Repository.FindRoot();
var shared = Path.GetFullPath(Path.Combine(repository, "..", "shared", "bench"));
if (!File.Exists(Path.Combine(shared, "gen_corpus.py")))
{
    Console.Error.WriteLine($"the benchmark corpus generator is missing: {shared}/gen_corpus.py");
    return 2;
}

var tools = Tools.Check();
if (tools is not null)
{
    Console.Error.WriteLine(tools);
    return 2;
}

Directory.CreateDirectory(options.WorkFolder);
var internalSite = InternalSiteBinary.Publish(repository, options.WorkFolder);
Console.WriteLine($"InternalSite: {internalSite.Describe}");
Console.WriteLine($"Hugo: {Tools.HugoVersion()}");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores; {options.Runs} alternating runs per tool, medians; cold output folders and cache");
Console.WriteLine("writing floor: a finished InternalSite output copied with cp, one copy per core, nothing rendered (each run: InternalSite, Hugo, floor)");
Console.WriteLine($"internalsite build arguments: {(options.BuildArguments.Count == 0 ? "(none: every output, social cards included)" : string.Join(' ', options.BuildArguments))}");
Console.WriteLine();

var rows = new List<ResultRow>();
foreach (var pages in options.Pages)
{
    var corpus = Corpus.Prepare(shared, options.WorkFolder, pages);
    var ours = new List<Measurement>();
    var hugo = new List<Measurement>();
    var floor = new List<Measurement>();
    for (var run = 0; run < options.Runs; run++)
    {
        ours.Add(internalSite.Build(corpus, options.BuildArguments));
        if (run == 0)
        {
            WritingFloor.KeepReference(corpus);
        }

        hugo.Add(Tools.HugoBuild(corpus));
        floor.Add(WritingFloor.Measure(corpus));
    }

    rows.Add(new ResultRow(corpus.MarkdownFiles, Measurement.Median(ours), Measurement.Median(hugo), Measurement.Median(floor)));
}

Console.WriteLine(ResultRow.Table(rows));
foreach (var row in rows)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{row.Pages} pages: InternalSite takes {row.WallRatio:0.00}x Hugo's wall time, {row.ProcessorRatio:0.00}x its processor time and {row.MemoryRatio:0.00}x its peak memory; only writing its output takes {row.FloorRatio:0.00}x"));
}

return 0;
