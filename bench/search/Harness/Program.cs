using System.Diagnostics;
using System.Globalization;
using InternalSite.Build;
using InternalSite.Diagnostics;
using InternalSite.Outputs;
using InternalSite.Outputs.Search;

// usage: Harness SITE_DIR OUTPUT_DIR
// Builds the site into OUTPUT_DIR like `internalsite build`, printing "output<TAB>seconds" for every output; then
// runs the search output alone twice more over the same site model (into memory: CPU time only) and prints the best.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Harness SITE_DIR OUTPUT_DIR");
    return 2;
}

var timed = OutputRegistry.Default().Select(o => new TimedOutput(o)).ToList();
var total = Stopwatch.StartNew();
var result = SiteBuilder.BuildToFolder(args[0], args[1], new BuildOptions { Outputs = timed });
total.Stop();
foreach (var error in result.Errors.Take(10))
{
    Console.Error.WriteLine(error);
}

foreach (var output in timed)
{
    Print(output.Name + ", wall", output.Elapsed);
    Print(output.Name + ", cpu", output.Cpu);
}

Print("whole build", total.Elapsed);
if (!result.Succeeded)
{
    return 1;
}

// The machine is shared: wall-clock time depends on the neighbours, CPU time (user + system) much less.
var best = TimeSpan.MaxValue;
var bestCpu = TimeSpan.MaxValue;
for (var run = 0; run < 3; run++)
{
    var context = new OutputContext(result.Site!, null!, null!, new BuildOptions(), new DiagnosticBag(), new MemoryOutputSink());
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    new SearchIndexOutput().Write(context);
    best = clock.Elapsed < best ? clock.Elapsed : best;
    cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    bestCpu = cpu < bestCpu ? cpu : bestCpu;
}

Print("search index in memory, wall (best of 3)", best);
Print("search index in memory, cpu (best of 3)", bestCpu);
return 0;

static void Print(string name, TimeSpan elapsed) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}\t{elapsed.TotalSeconds:F3}"));

/// <summary>Runs an output and remembers how long its Write took.</summary>
internal sealed class TimedOutput(ISiteOutput inner) : ISiteOutput
{
    public string Name => inner.Name;

    public TimeSpan Elapsed { get; private set; }

    /// <summary>Process CPU time (user + system, all threads) while the output ran; outputs run one after another.</summary>
    public TimeSpan Cpu { get; private set; }

    public void Write(OutputContext context)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        inner.Write(context);
        Elapsed = clock.Elapsed;
        Cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    }
}
