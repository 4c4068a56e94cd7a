using System.Globalization;

namespace InternalSite.Benchmarks;

internal sealed record BenchmarkOptions(IReadOnlyList<int> Pages, int Runs, string WorkFolder, IReadOnlyList<string> BuildArguments)
{
    public static BenchmarkOptions? Parse(string[] args)
    {
        var pages = new List<int> { 1000, 10000 };
        var runs = 3;
        var work = Path.Combine(Path.GetTempPath(), "internalsite-bench");
        var buildArguments = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--pages" when value is not null:
                    pages = value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList();
                    i++;
                    break;
                case "--runs" when value is not null:
                    runs = int.Parse(value, CultureInfo.InvariantCulture);
                    i++;
                    break;
                case "--build-args" when value is not null:
                    buildArguments.AddRange(value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                    i++;
                    break;
                case "--work" when value is not null:
                    work = Path.GetFullPath(value);
                    i++;
                    break;
                default:
                    return null;
            }
        }

        return runs < 1 || pages.Count == 0 ? null : new BenchmarkOptions(pages, runs, work, buildArguments);
    }
}
