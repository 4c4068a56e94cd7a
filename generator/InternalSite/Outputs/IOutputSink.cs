namespace InternalSite.Outputs;

/// <summary>Where emitted files go: a staged output folder, or memory for <c>check</c> and tests. Must be thread-safe.</summary>
public interface IOutputSink
{
    void Write(string path, byte[] bytes);
}

/// <summary>Keeps every emitted file in memory.</summary>
public sealed class MemoryOutputSink : IOutputSink
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> files = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, byte[]> Files => files;

    public string Text(string path) => System.Text.Encoding.UTF8.GetString(files[path]);

    public void Write(string path, byte[] bytes) => files[path] = bytes;
}
