using System.Diagnostics;

namespace InternalSite.Tests.Cli;

public sealed record CliResult(int ExitCode, string StdOut, string StdErr, TimeSpan Elapsed)
{
    public string All => StdOut + "\n" + StdErr;

    public override string ToString() => $"exit {ExitCode} after {Elapsed.TotalSeconds:0.0}s\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";
}

/// <summary>Runs the real command line (the built InternalSite.Cli.dll) as a process, as a writer or CI would.</summary>
public static class CliProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "InternalSite.Cli.dll");

    public static CliResult Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, args);

    public static CliResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A wide, plain console so Spectre's summary does not wrap or colour, and no first-run chatter from dotnet.
        start.Environment["COLUMNS"] = "200";
        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("SOURCE_DATE_EPOCH");
        // Each test's build runs in its own process unless the test is about the build server.
        start.Environment["INTERNALSITE_BUILD_SERVER"] = "0";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"internalsite {string.Join(' ', args)} did not finish in 2 minutes");
        }

        return new CliResult(process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }
}
