using System.Text;

namespace InternalSite.Tests.BadInput;

/// <summary>One way to break <see cref="Cli.GoodSite"/>: the files to write over it and the diagnostics it must produce.</summary>
public sealed record BadInputCase(string Name, IReadOnlyList<(string Path, byte[] Bytes)> Files, IReadOnlyList<string> Diagnostics)
{
    public static BadInputCase Text(string name, string path, string text, params string[] diagnostics) =>
        new(name, [(path, Encoding.UTF8.GetBytes(text))], diagnostics);

    public static BadInputCase Bytes(string name, string path, byte[] bytes, params string[] diagnostics) =>
        new(name, [(path, bytes)], diagnostics);

    public override string ToString() => Name;
}
