using System.Diagnostics;

namespace InternalSite.Benchmarks;

/// <summary>The CLI published in Release (ReadyToRun where the SDK can), run as its own process like a user would.</summary>
internal sealed record InternalSiteBinary(string Dll, string Describe)
{
    public static InternalSiteBinary Publish(string repository, string work)
    {
        var output = Path.Combine(work, "internalsite-cli");
        var project = Path.Combine(repository, "generator", "InternalSite.Cli", "InternalSite.Cli.csproj");
        var readyToRun = TryPublish(project, output, "-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true");
        if (!readyToRun && !TryPublish(project, output))
        {
            throw new InvalidOperationException("dotnet publish of the CLI failed");
        }

        return new InternalSiteBinary(Path.Combine(output, "InternalSite.Cli.dll"), readyToRun ? "Release, ReadyToRun" : "Release (JIT)");
    }

    public Measurement Build(Corpus corpus, IReadOnlyList<string> extraArguments)
    {
        corpus.ClearOutputs();
        return Measurement.Run(corpus.SiteFolder, "dotnet", [Dll, "build", "--output", corpus.OutputFolder, .. extraArguments]);
    }

    private static bool TryPublish(string project, string output, params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "publish", project, "-c", "Release", "-o", output, "--nologo" }.Concat(extra))
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
