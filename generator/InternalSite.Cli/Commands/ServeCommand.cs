using System.CommandLine;
using System.Globalization;
using System.Net;
using InternalSite.Cli.Serve;
using NodaTime;

namespace InternalSite.Cli.Commands;

internal static class ServeCommand
{
    private static readonly Option<int> Port = new("--port", "-p") { Description = "The port to listen on (0: any free port)", DefaultValueFactory = _ => 4000 };

    private static readonly Option<string> Host = new("--host")
    {
        Description = "The loopback address to listen on: 127.0.0.1, ::1 or localhost",
        DefaultValueFactory = _ => "127.0.0.1",
    };

    private static readonly Option<bool> Timings = new("--timings") { Description = "After every rebuild, show the processor time of each stage that took any" };

    public static Command Create()
    {
        var command = new Command("serve", "Build the site, serve it on this machine, and rebuild and reload the browser on every change")
        {
            Port, Host, Timings, CommonOptions.Drafts, CommonOptions.Future, CommonOptions.BaseUrl,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var address = Loopback(parse.GetValue(Host)!);
            if (address is null)
            {
                Console.Error.WriteLine($"internalsite: --host must be a loopback address (127.0.0.1, ::1 or localhost), not '{parse.GetValue(Host)}'; the preview is for this machine only.");
                return ExitCodes.Usage;
            }

            var site = Path.GetFullPath(parse.GetValue(CommonOptions.Site)!);
            if (!File.Exists(Path.Combine(site, InternalSite.Content.SiteSource.ConfigFileName)))
            {
                Console.Error.WriteLine($"internalsite: {site} has no site.config.yml (run 'internalsite init' to make a site).");
                return ExitCodes.Usage;
            }

            // A fixed "now" for the whole session (SOURCE_DATE_EPOCH or the start time), so a rebuild differs only by what changed.
            var options = BuildCommand.Options(parse);
            options = options with { Now = options.Now ?? SystemClock.Instance.GetCurrentInstant() };
            var timings = parse.GetValue(Timings);
            return await RunAsync(site, address, parse.GetValue(Port), options, update => Log(update, timings), cancel);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        string site, IPAddress address, int port, Build.BuildOptions options, Action<PreviewUpdate> log, CancellationToken cancel)
    {
        KeepThreadsForSaves();
        await using var preview = await PreviewHost.StartAsync(site, address, port, options, log);
        Reporting.Diagnostics(preview.FirstBuild.Diagnostics);
        Console.WriteLine($"Serving {preview.Server.SiteUrl} (watching content/, themes/ and site.config.yml; Ctrl+C to stop)");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel, preview.Server.Stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// A rebuild's parallel loops fill the thread pool, which adds threads slowly (about two a second): a save made
    /// during a rebuild, its reload event and the tab's request for the page then queued behind them for a second or
    /// more. With threads to spare they are served sooner. Measured with bench_serve.py --during-rebuild on the 10k
    /// corpus, save made while a rebuild runs -> page fetched: median 1,340 ms in a quiet run without, medians
    /// 97-614 ms in three runs with (the rest is the two cores being busy with the rebuild).
    /// </summary>
    private static void KeepThreadsForSaves()
    {
        ThreadPool.GetMinThreads(out var workers, out var completions);
        ThreadPool.SetMinThreads(Math.Max(workers, MinimumWorkerThreads), completions);
    }

    private const int MinimumWorkerThreads = 16;

    private static IPAddress? Loopback(string host)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address) ? address : null;
    }

    /// <summary>One line per rebuild on stdout; a failed build's diagnostics also go to stderr as file(line,col) lines.</summary>
    private static void Log(PreviewUpdate update, bool timings)
    {
        if (timings && update.Stages.Count > 0)
        {
            // Before the rebuild line, so a reader waiting for that line has seen the timings too.
            // Outputs run side by side: each one's own time is wall time; the stages around them show processor time.
            var busy = update.Stages
                .Select(s => (s.Stage, Time: s.Processor ?? s.Wall, Unit: s.IsPart ? " wall" : string.Empty))
                .Where(s => s.Time.TotalMilliseconds >= 1)
                .Select(s => $"{s.Stage} {s.Time.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)}{s.Unit}");
            Console.WriteLine($"  cpu ms: {string.Join(", ", busy)}");
            var gc = update.Collections;
            Console.WriteLine($"  garbage collection: {gc.Paused.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms paused; collections gen0 {gc.Gen0}, gen1 {gc.Gen1}, gen2 {gc.Gen2}");
        }

        var time = DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var ms = update.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        var trigger = update.Trigger.Count switch
        {
            0 => "start",
            1 => update.Trigger.First(),
            var n => $"{update.Trigger.First()} and {n - 1} more",
        };
        if (update.Succeeded)
        {
            var first = update.FirstShownAfter is { } shown
                ? $" (changed pages shown after {shown.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms)"
                : string.Empty;
            Console.WriteLine($"[{time}] #{update.Generation} {trigger}: rebuilt in {ms} ms{first}, {update.Rendered} pages rendered, {update.Kept} kept, {update.ChangedFiles.Count} files changed");
        }
        else
        {
            var errors = update.Diagnostics.Where(d => d.IsError).ToArray();
            Console.WriteLine($"[{time}] #{update.Generation} {trigger}: build failed in {ms} ms with {errors.Length} error(s), first {errors.FirstOrDefault()}; still serving the last good site");
            if (update.Generation > 1)
            {
                Reporting.Diagnostics(errors);
            }
        }
    }
}
