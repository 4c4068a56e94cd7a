using System.Diagnostics;

namespace InternalSite.Benchmarks;

internal static class Tools
{
    /// <summary>Null when everything the benchmark runs is installed, else what to install.</summary>
    public static string? Check()
    {
        if (!File.Exists(Measurement.TimeBinary))
        {
            return "GNU time is needed to read peak memory: apt-get install time";
        }

        return Which("hugo") is null ? "Hugo is needed for the comparison: apt-get install hugo" : Which("python3") is null ? "python3 is needed to generate the corpus" : null;
    }

    public static string HugoVersion()
    {
        var start = new ProcessStartInfo("hugo", "version") { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return text;
    }

    public static Measurement HugoBuild(Corpus corpus)
    {
        corpus.ClearOutputs();
        return Measurement.Run(corpus.HugoFolder, "hugo", "--quiet", "--destination", corpus.HugoOutputFolder);
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}
