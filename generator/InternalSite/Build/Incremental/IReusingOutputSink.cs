using InternalSite.Outputs;

namespace InternalSite.Build.Incremental;

/// <summary>A sink that can carry a file over from the last successful build without it being rendered again.</summary>
public interface IReusingOutputSink : IOutputSink
{
    /// <summary>Keeps the last build's file at <paramref name="path"/> if it is there with <paramref name="length"/> bytes.</summary>
    bool TryKeep(string path, long length);

    /// <summary>Names the output the sink replaces, so a cache only reuses files of that same output.</summary>
    string OutputIdentity { get; }
}
