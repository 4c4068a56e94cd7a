using InternalSite.Tests.Support;

namespace InternalSite.Tests.Search;

/// <summary>
/// Ranking fixtures: every folder under Search/Ranking holds a site (site.txt, "-- path --" blocks) and the
/// results expected first for queries (expected.txt, "query => url, url"; nothing after "=>" means no results).
/// </summary>
public sealed class RankingFixtureTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(Path.Combine(SearchJs.SourceFolder, "Ranking")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(folder));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Search_js_ranks_the_expected_pages_first(string fixture)
    {
        var folder = Path.Combine(SearchJs.SourceFolder, "Ranking", fixture);
        var (result, output) = TestSite.Build(File.ReadAllText(Path.Combine(folder, "site.txt")));
        Assert.True(result.Succeeded, TestSite.Errors(result));

        var expectations = File.ReadAllLines(Path.Combine(folder, "expected.txt"))
            .Where(line => line.Trim().Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split("=>", 2))
            .Select(parts => (Query: parts[0].Trim(), Urls: parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            .ToList();
        Assert.NotEmpty(expectations);

        var answers = SearchJs.Run(output, result.Site!.Config.BasePath, expectations.Select(e => e.Query).ToArray());
        var failures = new List<string>();
        foreach (var ((query, urls), answer) in expectations.Zip(answers))
        {
            var got = answer.Top.Select(t => t.Url).ToList();
            if (urls.Length == 0 ? answer.Total != 0 : !got.Take(urls.Length).SequenceEqual(urls))
            {
                failures.Add($"'{query}': expected [{string.Join(", ", urls)}] first, got [{string.Join(", ", got)}]");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
