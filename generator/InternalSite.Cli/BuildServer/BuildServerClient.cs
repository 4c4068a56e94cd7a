using System.Diagnostics;
using System.Net.Sockets;
using System.Reflection;

namespace InternalSite.Cli.BuildServer;

/// <summary>
/// Sends a build to the site's build server, starting one first when none runs. Returns null whenever the server
/// cannot take the build (it could not start, the socket is not usable here, it went away, or it declined): the
/// caller then builds in its own process, so the server can only make a build faster, never stop it.
/// </summary>
internal static class BuildServerClient
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Runtime settings of the server process, each unless the user set it. The CLI itself runs with the server
    /// garbage collector, right for one full build on every core; the long-lived server keeps the settings its
    /// incremental builds were measured with:
    /// <list type="bullet">
    /// <item>An incremental build on the 10k corpus allocates about 150 MB, most of it garbage by the end, and the
    /// server collects everything after answering anyway. With room for a whole build in the youngest generation, no
    /// collection interrupts a build: the first edit after a full build no longer pays about 0.1 s of pauses
    /// (measured: 0.75–0.79 s → 0.58–0.65 s for that edit, later edits 0.62–0.79 → 0.49–0.66 s).</item>
    /// <item>That young generation is sized for one heap: the workstation collector.</item>
    /// <item>The runtime's own large-object threshold (85,000 bytes), not the CLI's 1 MB: with objects up to 1 MB
    /// allocated young, the young generation filled sooner and edits took longer (median of 5: 0.56 s → 0.64 s).</item>
    /// </list>
    /// </summary>
    private static readonly (string Name, string Value)[] ServerRuntimeSettings =
    [
        ("DOTNET_GCgen0size", "0x10000000"),
        ("DOTNET_gcServer", "0"),
        ("DOTNET_GCLOHThreshold", "0x14C08"),
    ];

    /// <summary>Whether <c>build</c> uses a server: not with <c>--no-cache</c> (nothing to keep) and not on CI, unless asked.</summary>
    public static bool Wanted(bool noCache, bool noServer)
    {
        if (noCache || noServer)
        {
            return false;
        }

        return Environment.GetEnvironmentVariable("INTERNALSITE_BUILD_SERVER") switch
        {
            "0" or "false" => false,
            "1" or "true" => true,
            // A CI job builds once in a fresh checkout: a process left waiting for a next build would only hold memory.
            _ => Environment.GetEnvironmentVariable("CI") is not { Length: > 0 } ci || ci is "0" or "false",
        };
    }

    /// <summary>The server's answer, and whether this call had to start the server.</summary>
    public static (BuildServerResponse Response, bool Started)? Build(BuildServerRequest request)
    {
        try
        {
            var endpoint = BuildServerEndpoint.For(request.Site);
            var started = false;
            var socket = TryConnect(endpoint.SocketPath);
            if (socket is null)
            {
                if (!StartServer(request.Site))
                {
                    return null;
                }

                started = true;
                socket = WaitForServer(endpoint.SocketPath);
            }

            if (socket is null)
            {
                return null;
            }

            using (socket)
            {
                var response = Exchange(socket, request);
                return response is null || response.Failure is not null ? null : (response, started);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Asks the site's server to stop; false when none was running.</summary>
    public static bool Stop(string siteRoot)
    {
        using var socket = TryConnect(BuildServerEndpoint.For(siteRoot).SocketPath);
        if (socket is null)
        {
            return false;
        }

        Exchange(socket, new BuildServerRequest { Command = "stop", Site = siteRoot });
        return true;
    }

    public static bool IsListening(string socketPath)
    {
        using var socket = TryConnect(socketPath);
        return socket is not null;
    }

    private static BuildServerResponse? Exchange(Socket socket, BuildServerRequest request)
    {
        using var stream = new NetworkStream(socket);
        WireFormat.Send(stream, request.Write);
        return WireFormat.Receive(stream, BuildServerResponse.Read);
    }

    private static Socket? TryConnect(string socketPath)
    {
        if (!File.Exists(socketPath))
        {
            return null;
        }

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            return socket;
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }

    private static Socket? WaitForServer(string socketPath)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (TryConnect(socketPath) is { } socket)
            {
                return socket;
            }

            Thread.Sleep(20);
        }

        return null;
    }

    /// <summary>
    /// Starts this same tool as <c>build-server run</c> for the site, detached from this console: its standard streams
    /// are not this terminal's, so it neither prints into it nor keeps a caller that waits for them open.
    /// </summary>
    private static bool StartServer(string siteRoot)
    {
        var processPath = Environment.ProcessPath;
        if (processPath is null)
        {
            return false;
        }

        var start = new ProcessStartInfo(processPath)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Run as `dotnet InternalSite.Cli.dll`, the server needs the assembly path; as the installed tool, it does not.
        if (Path.GetFileNameWithoutExtension(processPath) == "dotnet" && Assembly.GetEntryAssembly()?.Location is { Length: > 0 } entry)
        {
            start.ArgumentList.Add(entry);
        }

        foreach (var arg in new[] { "--site", siteRoot, "build-server", "run" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in ServerRuntimeSettings)
        {
            if (Environment.GetEnvironmentVariable(name) is null)
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start);
        if (process is null)
        {
            return false;
        }

        process.StandardInput.Close();
        process.StandardOutput.Close();
        process.StandardError.Close();
        return true;
    }
}
