using InternalSite.Build;
using InternalSite.Diagnostics;
using Spectre.Console;

namespace InternalSite.Cli;

/// <summary>
/// Prints diagnostics as plain <c>file(line,col): error: message</c> lines on stderr (for editors and CI), and the
/// build summary with Spectre.Console on stdout.
/// </summary>
internal static class Reporting
{
    public static void Diagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Console.Error.WriteLine(diagnostic.ToString());
        }
    }

    public static void Summary(BuildResult result, string verb, string? output) => Summary(result, verb, output, AnsiConsole.Console);

    private static void Summary(BuildResult result, string verb, string? output, IAnsiConsole console)
    {
        var errors = result.Errors.Count();
        var warnings = result.Warnings.Count();
        // A build on the build server has no model here, only its statistics; a build that made no model has none.
        if (result.Statistics.PagesByKind.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumn("Pages").AddColumn(new TableColumn("Count").RightAligned());
            foreach (var (kind, count) in result.Statistics.PagesByKind.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                table.AddRow(Markup.Escape(kind), count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            table.AddRow("[bold]files[/]", result.Statistics.FilesEmitted.ToString(System.Globalization.CultureInfo.InvariantCulture));
            console.Write(table);
        }

        var seconds = result.Statistics.Elapsed.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        var status = errors == 0 ? $"[green]{verb} succeeded[/]" : $"[red]{verb} failed[/]";
        var where = errors == 0 && output is not null ? $" → {Markup.Escape(output)}" : string.Empty;
        console.MarkupLine($"{status}: {errors} error(s), {warnings} warning(s) in {seconds}s{where}");
        if (errors > 0 && output is not null)
        {
            console.MarkupLine("[grey]The last good output was left as it was.[/]");
        }
    }

    /// <summary>
    /// Prints a summary like <see cref="Summary"/>'s to nowhere, so what printing one first costs (loading and compiling
    /// the console library's code, about 60 ms) is spent while a build server builds, not after it answers.
    /// </summary>
    public static void WarmUp()
    {
        _ = AnsiConsole.Profile.Capabilities.Interactive;
        var nowhere = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) });
        var statistics = new BuildStatistics(new Dictionary<string, int> { ["page"] = 1 }, 1, TimeSpan.Zero);
        Summary(new BuildResult(null, [], statistics), "build", "_site", nowhere);
    }

    public static void Timings(BuildStatistics statistics, string? garbageCollection = null)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Stage")
            .AddColumn(new TableColumn("wall ms").RightAligned()).AddColumn(new TableColumn("cpu ms").RightAligned())
            .AddColumn(new TableColumn("alloc MB").RightAligned());
        foreach (var stage in statistics.Stages)
        {
            var name = stage.IsPart ? "  " + stage.Stage : stage.Stage;
            var allocated = stage.AllocatedBytes is { } bytes
                ? (bytes / 1048576.0).ToString("0", System.Globalization.CultureInfo.InvariantCulture)
                : string.Empty;
            table.AddRow(Markup.Escape(name), Milliseconds(stage.Wall), stage.Processor is { } cpu ? Milliseconds(cpu) : string.Empty, allocated);
        }

        AnsiConsole.Console.Write(table);
        AnsiConsole.Console.WriteLine(garbageCollection ?? GarbageCollectionTally.Now().Describe("garbage collection"));
    }

    private static string Milliseconds(TimeSpan time) =>
        time.TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Runs a build with a spinner on an interactive terminal, quietly otherwise.</summary>
    public static BuildResult WithProgress(Func<IProgress<BuildStage>?, BuildResult> build)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return build(null);
        }

        return AnsiConsole.Status().Spinner(Spinner.Known.Dots).Start("Reading the site…", status =>
            build(new Progress<BuildStage>(stage => status.Status(stage switch
            {
                BuildStage.Reading => "Reading the site…",
                BuildStage.Parsing => "Parsing pages…",
                BuildStage.Rendering => "Rendering markdown…",
                _ => "Writing outputs…",
            }))));
    }
}
