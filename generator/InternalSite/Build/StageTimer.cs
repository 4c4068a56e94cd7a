using System.Diagnostics;

namespace InternalSite.Build;

/// <summary>
/// How long one stage of a build took: on the clock, and in processor time summed over every thread, with the memory
/// it allocated. A part of a stage that ran beside other parts (one output among several) has no processor time or
/// allocations of its own.
/// </summary>
public sealed record StageTime(string Stage, TimeSpan Wall, TimeSpan? Processor)
{
    /// <summary>Bytes allocated on the managed heap during the stage, by every thread.</summary>
    public long? AllocatedBytes { get; init; }

    /// <summary>Whether this is one part of the stage before it, which ran beside the other parts.</summary>
    public bool IsPart => Processor is null;
}

/// <summary>
/// Records how long each stage of a build took, so a slow site can tell where its time goes. Processor time beside
/// wall time shows which stages keep every core busy and which run on one; allocations show which stages feed the
/// garbage collector, whose pauses and fresh memory are a large part of a build.
/// </summary>
internal sealed class StageTimer
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<StageTime> stages = [];
    private TimeSpan lastWall;
    private TimeSpan lastProcessor = ProcessorTime();
    private long lastAllocated = GC.GetTotalAllocatedBytes();

    public IReadOnlyList<StageTime> Stages => stages;

    public TimeSpan Elapsed => clock.Elapsed;

    public void Mark(string stage)
    {
        var wall = clock.Elapsed;
        var processor = ProcessorTime();
        var allocated = GC.GetTotalAllocatedBytes();
        stages.Add(new StageTime(stage, wall - lastWall, processor - lastProcessor) { AllocatedBytes = allocated - lastAllocated });
        lastWall = wall;
        lastProcessor = processor;
        lastAllocated = allocated;
    }

    /// <summary>Starts the next stage now, leaving the time since the last mark out (it was timed elsewhere).</summary>
    public void Skip()
    {
        lastWall = clock.Elapsed;
        lastProcessor = ProcessorTime();
        lastAllocated = GC.GetTotalAllocatedBytes();
    }

    /// <summary>Records a part of the last stage, with its own wall time.</summary>
    public void Detail(string part, TimeSpan wall) => stages.Add(new StageTime(part, wall, null));

    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
