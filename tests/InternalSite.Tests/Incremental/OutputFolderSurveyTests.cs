using InternalSite.Build;

namespace InternalSite.Tests.Incremental;

/// <summary>
/// The survey an incremental build takes of its output folder: which folders changed since the last listing (their
/// files are then asked about one by one), and when the folder no longer looks as the listing left it.
/// </summary>
public sealed class OutputFolderSurveyTests : IDisposable
{
    private static readonly string[] Emitted = ["index.html", "a/index.html", "a/b/index.html", "a/b/card.png", "c/index.html"];

    private readonly string folder = Directory.CreateTempSubdirectory("survey-").FullName;

    private string Output => Path.Combine(folder, "out");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>Writes the emitted files, lists them as a sweep does, and makes every folder look an hour old.</summary>
    private OutputFolderSweep.OutputListing Built()
    {
        foreach (var path in Emitted)
        {
            var full = Path.Combine(Output, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, path);
        }

        var listing = OutputFolderSweep.OutputListing.Of(Output, DateTime.UtcNow, Emitted);
        foreach (var relative in new[] { string.Empty, "a", "a/b", "c" })
        {
            Directory.SetLastWriteTimeUtc(Path.Combine(Output, relative), DateTime.UtcNow - TimeSpan.FromHours(1));
        }

        return listing;
    }

    [Fact]
    public void Folders_untouched_since_the_listing_are_unchanged()
    {
        var survey = OutputFolderSurvey.Take(Output, Built());
        Assert.NotNull(survey);
        Assert.Empty(survey.Changed);
        Assert.All(new[] { string.Empty, "a", "a/b", "c" }, f => Assert.True(survey.Unchanged(f), f));
        Assert.False(survey.Unchanged("d"));
        Assert.False(survey.Surveyed("d"));
    }

    [Theory]
    [InlineData("delete", "a/b")]
    [InlineData("add", "c")]
    [InlineData("rename", "a")]
    [InlineData("add", "")]
    public void A_file_deleted_added_or_renamed_by_hand_changes_its_folder_only(string edit, string changedFolder)
    {
        var listing = Built();
        var inFolder = Path.Combine(Output, changedFolder);
        switch (edit)
        {
            case "delete":
                File.Delete(Path.Combine(inFolder, "card.png"));
                break;
            case "add":
                File.WriteAllText(Path.Combine(inFolder, "stray.html"), "stray");
                break;
            default:
                File.Move(Path.Combine(inFolder, "index.html"), Path.Combine(inFolder, "moved.html"));
                break;
        }

        var survey = OutputFolderSurvey.Take(Output, listing);
        Assert.NotNull(survey);
        Assert.Equal([changedFolder], survey.Changed);
        Assert.False(survey.Unchanged(changedFolder));
        Assert.Equal(4, new[] { string.Empty, "a", "a/b", "c" }.Count(f => survey.Surveyed(f)));
    }

    [Fact]
    public void In_a_changed_folder_a_file_is_untouched_only_while_nothing_replaced_or_rewrote_it_since_the_commit()
    {
        var listing = Built() with { CommittedAtUtc = DateTime.UtcNow };
        // Later than the commit by more than a tick of the file system's clock.
        Thread.Sleep(50);
        var b = Path.Combine(Output, "a", "b");
        File.WriteAllText(Path.Combine(b, "card.png.new"), "a/b/card.png");
        File.Move(Path.Combine(b, "card.png.new"), Path.Combine(b, "card.png"), overwrite: true);

        var survey = OutputFolderSurvey.Take(Output, listing);
        Assert.NotNull(survey);
        Assert.Equal(["a/b"], survey.Changed);
        Assert.True(survey.Untouched("a/b/index.html", "a/b/index.html".Length));
        Assert.False(survey.Untouched("a/b/index.html", 1), "a file of another size");
        Assert.False(survey.Untouched("a/b/card.png", "a/b/card.png".Length), "a file of the same size put in its place");
        Assert.False(survey.Untouched("a/b/gone.html", 1), "no file");
    }

    [Fact]
    public void A_missing_folder_or_a_link_where_a_folder_was_makes_the_survey_unusable()
    {
        var listing = Built();
        Directory.Delete(Path.Combine(Output, "c"), recursive: true);
        Assert.Null(OutputFolderSurvey.Take(Output, listing));

        listing = Built();
        var outside = Directory.CreateDirectory(Path.Combine(folder, "outside")).FullName;
        Directory.Delete(Path.Combine(Output, "a", "b"), recursive: true);
        Directory.CreateSymbolicLink(Path.Combine(Output, "a", "b"), outside);
        Assert.Null(OutputFolderSurvey.Take(Output, listing));
    }

    [Fact]
    public void A_listing_of_another_folder_is_not_surveyed()
    {
        var listing = Built();
        Assert.Null(OutputFolderSurvey.Take(Path.Combine(folder, "elsewhere"), listing));
    }

    [Fact]
    public void The_folder_of_a_path_is_everything_before_its_last_slash()
    {
        Assert.Equal("a/b", OutputFolderSurvey.FolderOf("a/b/index.html").ToString());
        Assert.Equal(string.Empty, OutputFolderSurvey.FolderOf("index.html").ToString());
    }
}
