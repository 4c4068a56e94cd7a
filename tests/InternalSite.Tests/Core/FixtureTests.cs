using System.Text;
using InternalSite.Build;
using InternalSite.Content;
using InternalSite.Outputs;
using InternalSite.Tests.Support;
using NodaTime.Text;

namespace InternalSite.Tests.Core;

/// <summary>
/// Whole-site fixtures: every folder under <c>Fixtures/</c> holds a <c>site.txt</c> (a site as <c>-- path --</c> text
/// blocks) and an <c>expected.txt</c> (see <see cref="FixtureExpectations"/>). Adding a folder adds a test; no list is
/// kept by hand.
/// </summary>
public sealed class FixtureTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(Root).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            data.Add(folder!);
        }

        return data;
    }

    [Fact]
    public void Every_fixture_folder_has_a_site_and_expectations()
    {
        var folders = Directory.GetDirectories(Root);
        Assert.True(folders.Length >= 20, $"only {folders.Length} fixtures found under {Root}");
        foreach (var folder in folders)
        {
            Assert.True(File.Exists(Path.Combine(folder, "site.txt")), $"{folder} has no site.txt");
            Assert.True(File.Exists(Path.Combine(folder, "expected.txt")), $"{folder} has no expected.txt");
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_builds_as_expected(string fixture)
    {
        var folder = Path.Combine(Root, fixture);
        var siteText = File.ReadAllText(Path.Combine(folder, "site.txt"));
        if (!siteText.Contains("-- site.config.yml --", StringComparison.Ordinal))
        {
            siteText = TestSite.Config + "\n" + siteText;
        }

        var expected = FixtureExpectations.Parse(File.ReadAllText(Path.Combine(folder, "expected.txt")));
        var sink = new MemoryOutputSink();
        var result = SiteBuilder.Build(SiteSource.FromText(siteText), Options(expected.Options), sink);

        var actualDiagnostics = string.Join("\n", result.Diagnostics.Select(d => d.ToString()));
        var expectedDiagnostics = string.Join("\n", expected.Diagnostics ?? []);
        Assert.True(expectedDiagnostics == actualDiagnostics,
            $"diagnostics differ\n--- expected ---\n{expectedDiagnostics}\n--- actual ---\n{actualDiagnostics}");

        foreach (var file in expected.Files)
        {
            CheckFile(sink, file);
        }
    }

    private static BuildOptions Options(IReadOnlyDictionary<string, string> options)
    {
        var now = options.TryGetValue("now", out var text) ? InstantPattern.ExtendedIso.Parse(text).Value : TestSite.Now;
        return new BuildOptions
        {
            Drafts = options.ContainsKey("drafts"),
            Future = options.ContainsKey("future"),
            BaseUrl = options.GetValueOrDefault("base-url"),
            Now = now,
        };
    }

    private static void CheckFile(MemoryOutputSink sink, FileExpectation file)
    {
        if (!file.MustExist)
        {
            Assert.False(sink.Files.ContainsKey(file.Path), $"{file.Path} should not have been written");
            return;
        }

        Assert.True(sink.Files.ContainsKey(file.Path),
            $"{file.Path} was not written; written: {string.Join(", ", sink.Files.Keys.Order(StringComparer.Ordinal))}");
        var text = Encoding.UTF8.GetString(sink.Files[file.Path]);
        foreach (var needle in file.Contains)
        {
            Assert.True(text.Contains(needle, StringComparison.Ordinal), $"{file.Path} does not contain: {needle}\n---\n{Excerpt(text)}");
        }

        foreach (var needle in file.Absent)
        {
            Assert.False(text.Contains(needle, StringComparison.Ordinal), $"{file.Path} contains: {needle}\n---\n{Excerpt(text)}");
        }

        foreach (var order in file.Orders)
        {
            var at = 0;
            foreach (var needle in order)
            {
                var found = text.IndexOf(needle, at, StringComparison.Ordinal);
                Assert.True(found >= 0, $"{file.Path}: '{needle}' does not follow the earlier items of [{string.Join(" | ", order)}]\n---\n{Excerpt(text)}");
                at = found + needle.Length;
            }
        }
    }

    private static string Excerpt(string text)
    {
        var main = text.IndexOf("<main", StringComparison.Ordinal);
        var body = main >= 0 ? text[main..] : text;
        return body.Length > 3000 ? body[..3000] + "…" : body;
    }
}
