using System.Diagnostics;
using System.Globalization;

namespace InternalSite.Benchmarks;

/// <summary>
/// One timed run of a command, read by GNU time: wall time, processor time (user and kernel together, and the kernel's
/// part of it) and the peak resident memory of its process tree.
/// </summary>
internal sealed record Measurement(double WallSeconds, double CpuSeconds, double KernelSeconds, long PeakKilobytes)
{
    public const string TimeBinary = "/usr/bin/time";

    public static Measurement Run(string workingDirectory, string command, params string[] arguments)
    {
        var stats = Path.GetTempFileName();
        var start = new ProcessStartInfo(TimeBinary)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "-f", "%e %U %S %M", "-o", stats, command }.Concat(arguments))
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        }

        var fields = File.ReadAllLines(stats).Last().Split(' ');
        File.Delete(stats);
        double Number(int i) => double.Parse(fields[i], CultureInfo.InvariantCulture);
        return new Measurement(Number(0), Number(1) + Number(2), Number(2), long.Parse(fields[3], CultureInfo.InvariantCulture));
    }

    public static Measurement Median(IReadOnlyList<Measurement> runs)
    {
        static double Mid(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        return new Measurement(
            Mid(runs.Select(r => r.WallSeconds)),
            Mid(runs.Select(r => r.CpuSeconds)),
            Mid(runs.Select(r => r.KernelSeconds)),
            (long)Mid(runs.Select(r => (double)r.PeakKilobytes)));
    }
}

internal sealed record ResultRow(int Pages, Measurement Ours, Measurement Hugo, Measurement Floor)
{
    public double WallRatio => Ours.WallSeconds / Hugo.WallSeconds;

    public double MemoryRatio => (double)Ours.PeakKilobytes / Hugo.PeakKilobytes;

    /// <summary>Processor time (user + system) of ours over Hugo's: less sensitive than wall time to other load on the machine.</summary>
    public double ProcessorRatio => Ours.CpuSeconds / Hugo.CpuSeconds;

    /// <summary>Wall time of only writing InternalSite's output (<see cref="WritingFloor"/>) over Hugo's whole build.</summary>
    public double FloorRatio => Floor.WallSeconds / Hugo.WallSeconds;

    private static string KernelShare(Measurement m) => $"{m.KernelSeconds / m.CpuSeconds * 100:0}%";

    public static string Table(IEnumerable<ResultRow> rows)
    {
        var lines = new List<string>
        {
            "| pages | InternalSite wall | Hugo wall | wall ratio | processor-time ratio | InternalSite peak RSS | Hugo peak RSS | memory ratio | kernel share (ours, Hugo's) | writing floor | floor ratio |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        };
        lines.AddRange(rows.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"| {r.Pages} | {r.Ours.WallSeconds:0.00} s | {r.Hugo.WallSeconds:0.00} s | {r.WallRatio:0.00}x | {r.ProcessorRatio:0.00}x | {r.Ours.PeakKilobytes / 1024} MB | {r.Hugo.PeakKilobytes / 1024} MB | {r.MemoryRatio:0.00}x | {KernelShare(r.Ours)}, {KernelShare(r.Hugo)} | {r.Floor.WallSeconds:0.00} s | {r.FloorRatio:0.00}x |")));
        return string.Join('\n', lines);
    }
}
