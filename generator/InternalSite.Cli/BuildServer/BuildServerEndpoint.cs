using System.Security.Cryptography;
using System.Text;
using InternalSite.Build;

namespace InternalSite.Cli.BuildServer;

/// <summary>
/// Where the build server of one site listens: a Unix domain socket in a folder only this user can enter, named by
/// the site's folder and the tool's build, so a client never talks to a server of another site or another version
/// (an old server is simply left to stop when idle).
/// </summary>
internal sealed record BuildServerEndpoint(string SocketPath, string LogPath)
{
    public static BuildServerEndpoint For(string siteRoot)
    {
        var folder = Folder();
        var identity = Path.GetFullPath(siteRoot) + "\n" + typeof(SiteBuilder).Assembly.ManifestModule.ModuleVersionId.ToString("N");
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..24];
        return new BuildServerEndpoint(Path.Combine(folder, name + ".sock"), Path.Combine(folder, name + ".log"));
    }

    /// <summary>The per-user folder for sockets and logs, made private (0700) so no other user can connect.</summary>
    private static string Folder()
    {
        var user = Environment.UserName is { Length: > 0 } name ? name : "user";
        var folder = Path.Combine(Path.GetTempPath(), "internalsite-" + user);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return folder;
    }
}
