namespace InternalSite.Tests.Feeds;

public sealed class DumpTests
{
    [Fact]
    public void Dump()
    {
        var (_, output) = FeedSite.Build();
        Directory.CreateDirectory("/tmp/feeddump");
        foreach (var (path, bytes) in output.Files)
        {
            var file = Path.Combine("/tmp/feeddump", path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, bytes);
        }
    }
}
