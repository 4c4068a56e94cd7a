using System.Globalization;

namespace InternalSite.Cli;

/// <summary>The collector's pauses and collections so far, to say what a build cost it (for <c>--timings</c>).</summary>
internal readonly record struct GarbageCollectionTally(TimeSpan Paused, int Gen0, int Gen1, int Gen2)
{
    public static GarbageCollectionTally Now() =>
        new(GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    /// <summary>One line: the pauses and collections since <paramref name="since"/> (since the process started by default).</summary>
    public string Describe(string label, GarbageCollectionTally since = default) => string.Create(CultureInfo.InvariantCulture,
        $"{label}: {(Paused - since.Paused).TotalMilliseconds:0} ms paused; collections gen0 {Gen0 - since.Gen0}, gen1 {Gen1 - since.Gen1}, gen2 {Gen2 - since.Gen2}");
}
