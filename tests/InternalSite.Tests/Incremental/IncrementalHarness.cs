using System.Text;
using InternalSite.Build;
using InternalSite.Build.Incremental;
using InternalSite.Content;
using InternalSite.Outputs;
using InternalSite.Tests.Support;

namespace InternalSite.Tests.Incremental;

/// <summary>
/// A site in memory that is edited and rebuilt incrementally, the way <c>serve</c> does, and can be compared with a
/// full build of the same files.
/// </summary>
internal sealed class IncrementalHarness(IReadOnlyDictionary<string, string> initialFiles)
{
    private readonly SortedDictionary<string, string> files = new(initialFiles.ToDictionary(), StringComparer.Ordinal);
    private readonly SortedDictionary<string, byte[]> binaryFiles = new(StringComparer.Ordinal);
    private readonly IncrementalState state = new();

    public IReadOnlyDictionary<string, byte[]> Output { get; private set; } = new Dictionary<string, byte[]>();

    public IncrementalState State => state;

    public BuildResult LastResult { get; private set; } = null!;

    /// <summary>
    /// Builds <paramref name="files"/>, applies <paramref name="edit"/>, builds again incrementally and checks the result
    /// equals a full build; returns the harness and the output before the edit.
    /// </summary>
    public static (IncrementalHarness Site, IReadOnlyDictionary<string, byte[]> Before) BuiltThenEdited(
        IReadOnlyDictionary<string, string> files, Action<IncrementalHarness> edit, Action<IncrementalHarness>? setUp = null)
    {
        var site = new IncrementalHarness(files);
        setUp?.Invoke(site);
        Assert.True(site.Build().Succeeded, TestSite.Errors(site.LastResult));
        var before = site.Output;
        edit(site);
        Assert.True(site.Build().Succeeded, TestSite.Errors(site.LastResult));
        site.AssertSameAsFullBuild();
        return (site, before);
    }

    public void Write(string path, string text) => files[path] = text;

    /// <summary>A file that is not text (an image).</summary>
    public void WriteBytes(string path, byte[] bytes) => binaryFiles[path] = bytes;

    public void Delete(string path) => Assert.True(files.Remove(path), $"no file {path} to delete");

    public void Rename(string from, string to)
    {
        Write(to, files[from]);
        Delete(from);
    }

    public void Edit(string path, string find, string replace)
    {
        Assert.Contains(find, files[path]);
        files[path] = files[path].Replace(find, replace, StringComparison.Ordinal);
    }

    /// <summary>Rebuilds against the last good snapshot; the snapshot moves on only when the build succeeds.</summary>
    public BuildResult Build()
    {
        var sink = new SnapshotOutputSink(Output);
        LastResult = SiteBuilder.Build(Source(), new BuildOptions { Now = TestSite.Now, Incremental = state }, sink);
        if (LastResult.Succeeded)
        {
            Output = sink.Files;
        }

        return LastResult;
    }

    public IReadOnlyDictionary<string, byte[]> FullBuild()
    {
        var sink = new MemoryOutputSink();
        var result = SiteBuilder.Build(Source(), new BuildOptions { Now = TestSite.Now }, sink);
        Assert.True(result.Succeeded, TestSite.Errors(result));
        return sink.Files;
    }

    /// <summary>
    /// Applies <paramref name="edit"/>, builds, checks the output is what a full build writes, and returns the files the
    /// build rendered again.
    /// </summary>
    public IReadOnlyList<string> RebuildAfter(Action<IncrementalHarness> edit)
    {
        edit(this);
        Assert.True(Build().Succeeded, TestSite.Errors(LastResult));
        AssertSameAsFullBuild();
        return State.LastRendered;
    }

    /// <summary>The incremental output must be byte for byte what a full build of the same files writes.</summary>
    public void AssertSameAsFullBuild()
    {
        Assert.True(LastResult.Succeeded, TestSite.Errors(LastResult));
        var full = FullBuild();
        Assert.Equal(full.Keys.Order(StringComparer.Ordinal), Output.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in full)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(Output[path]), $"{path} differs from a full build:\n{FirstDifference(bytes, Output[path])}");
        }
    }

    /// <summary>The first line that differs, full build first, with the lines around it.</summary>
    private static string FirstDifference(byte[] full, byte[] incremental)
    {
        var expected = Encoding.UTF8.GetString(full).Split('\n');
        var actual = Encoding.UTF8.GetString(incremental).Split('\n');
        var line = 0;
        while (line < expected.Length && line < actual.Length && expected[line] == actual[line])
        {
            line++;
        }

        string Around(string[] lines) => string.Join("\n", lines.Skip(Math.Max(0, line - 2)).Take(5));
        return $"line {line + 1}\n--- full build:\n{Around(expected)}\n--- incremental:\n{Around(actual)}";
    }

    private SiteSource Source() =>
        new(files.Select(f => new SourceFile(f.Key, Encoding.UTF8.GetBytes(f.Value)))
            .Concat(binaryFiles.Select(f => new SourceFile(f.Key, f.Value)))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToArray());

    internal static SiteSource Source(IEnumerable<KeyValuePair<string, string>> files) =>
        new(files.Select(f => new SourceFile(f.Key, Encoding.UTF8.GetBytes(f.Value))).ToArray());
}
