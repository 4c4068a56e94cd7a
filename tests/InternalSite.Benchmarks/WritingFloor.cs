namespace InternalSite.Benchmarks;

/// <summary>
/// The cost of only writing InternalSite's output: a finished output folder copied with <c>cp</c>, one copy per core,
/// into the emptied output folder, nothing parsed or rendered. No generator that writes the same files can build faster
/// than this on the machine, so its ratio to Hugo's wall time is a floor under InternalSite's.
/// </summary>
internal static class WritingFloor
{
    // Top-level folders first, then every second-level entry copied by as many cp processes as there are cores (most
    // of a site is under products/, so splitting only at the top would leave one core copying nearly everything).
    private const string CopyScript = """
        set -euo pipefail
        from=$1; to=$2
        cd "$from"
        mkdir -p "$to"
        find . -mindepth 1 -maxdepth 1 -type d -exec mkdir -p "$to/{}" ';'
        find . -mindepth 1 -maxdepth 1 -type f -print0 | xargs -0 -r cp -t "$to"
        find . -mindepth 2 -maxdepth 2 -print0 | xargs -0 -r -n 40 -P "$(nproc)" cp -r --parents -t "$to"
        """;

    /// <summary>Keeps a copy of a finished output as the floor's source; the output folder itself is emptied per run.</summary>
    public static void KeepReference(Corpus corpus)
    {
        if (Directory.Exists(corpus.ReferenceOutputFolder))
        {
            Directory.Delete(corpus.ReferenceOutputFolder, recursive: true);
        }

        Measurement.Run(corpus.SiteFolder, "cp", "-r", corpus.OutputFolder, corpus.ReferenceOutputFolder);
    }

    public static Measurement Measure(Corpus corpus)
    {
        corpus.ClearOutputs();
        return Measurement.Run(corpus.SiteFolder, "bash", "-c", CopyScript, "floor", corpus.ReferenceOutputFolder, corpus.OutputFolder);
    }
}
