namespace InternalSite.Cli.Serve;

/// <summary>
/// Turns a request path into the output file it names, refusing anything that could reach outside the site: dot
/// segments, backslashes, control characters, paths outside the base path. The files are looked up in the in-memory
/// build, never on disk, so a refused or unknown path can only ever be a 400 or a 404.
/// </summary>
public static class RequestPaths
{
    public abstract record Resolution;

    /// <summary>An output file (which may or may not exist).</summary>
    public sealed record File(string OutputPath) : Resolution;

    /// <summary>A path that is not below the site's base path.</summary>
    public sealed record OutsideSite : Resolution;

    /// <summary>A path that tries to leave the site or is malformed.</summary>
    public sealed record Refused : Resolution;

    /// <param name="decodedPath">The request path, percent-decoded, starting with '/'.</param>
    /// <param name="basePath">The site's base path, starting and ending with '/'.</param>
    public static Resolution Resolve(string decodedPath, string basePath)
    {
        if (decodedPath.Length == 0 || decodedPath[0] != '/' || decodedPath.Any(c => c == '\\' || char.IsControl(c)))
        {
            return new Refused();
        }

        var segments = decodedPath.Split('/');
        if (segments.Any(s => s is "." or ".." || s.Contains(':', StringComparison.Ordinal)))
        {
            return new Refused();
        }

        if (!decodedPath.StartsWith(basePath, StringComparison.Ordinal))
        {
            return decodedPath + "/" == basePath ? new File("index.html") : new OutsideSite();
        }

        var relative = decodedPath[basePath.Length..];
        if (relative.StartsWith('/') || relative.Contains("//", StringComparison.Ordinal))
        {
            return new Refused();
        }

        return new File(relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative);
    }
}
