using System.Diagnostics;

namespace InternalSite.Build;

/// <summary>Records how long each stage of a build took, so a slow site can tell where its time goes.</summary>
internal sealed class StageTimer
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<(string, TimeSpan)> stages = [];
    private TimeSpan last;

    public IReadOnlyList<(string Stage, TimeSpan Time)> Stages => stages;

    public void Mark(string stage)
    {
        var now = clock.Elapsed;
        stages.Add((stage, now - last));
        last = now;
    }
}
