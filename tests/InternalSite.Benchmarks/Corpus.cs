using System.Diagnostics;

namespace InternalSite.Benchmarks;

/// <summary>A generated corpus, laid out once for InternalSite and once for Hugo (by the shared scripts).</summary>
internal sealed record Corpus(string SiteFolder, string HugoFolder, string OutputFolder, string HugoOutputFolder, int MarkdownFiles)
{
    /// <summary>A finished InternalSite output kept for <see cref="WritingFloor"/>, outside the folders emptied per run.</summary>
    public string ReferenceOutputFolder => OutputFolder + "-reference";

    public static Corpus Prepare(string sharedBench, string work, int pages)
    {
        var site = Path.Combine(work, $"corpus-{pages}");
        var hugo = Path.Combine(work, $"hugo-{pages}");
        if (!Directory.Exists(Path.Combine(site, "content")))
        {
            Run("python3", Path.Combine(sharedBench, "gen_corpus.py"), site, "--pages", pages.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (!Directory.Exists(Path.Combine(hugo, "content")))
        {
            Run("bash", Path.Combine(sharedBench, "hugo_prepare.sh"), site, hugo);
        }

        var files = Directory.EnumerateFiles(Path.Combine(site, "content"), "*.md", SearchOption.AllDirectories).Count();
        return new Corpus(site, hugo, Path.Combine(work, $"out-internalsite-{pages}"), Path.Combine(work, $"out-hugo-{pages}"), files);
    }

    /// <summary>Empties both output folders (and our cache) so every run is a full, cold build.</summary>
    public void ClearOutputs()
    {
        foreach (var folder in new[] { OutputFolder, HugoOutputFolder, Path.Combine(SiteFolder, ".internalsite-cache"), Path.Combine(HugoFolder, "resources") })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static void Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} failed");
        }
    }
}
