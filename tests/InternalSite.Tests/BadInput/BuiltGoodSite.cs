using InternalSite.Tests.Cli;

namespace InternalSite.Tests.BadInput;

/// <summary>The good site, built once by the real CLI; each bad-input case starts from a byte-for-byte copy of it.</summary>
public sealed class BuiltGoodSite : IDisposable
{
    public BuiltGoodSite()
    {
        Site = TempSite.From(GoodSite.Files);
        FirstBuild = Site.Run("build");
        OutputSnapshot = TempSite.Snapshot(Site.Output);
    }

    public TempSite Site { get; }

    public CliResult FirstBuild { get; }

    public SortedDictionary<string, byte[]> OutputSnapshot { get; }

    public void Dispose() => Site.Dispose();
}
