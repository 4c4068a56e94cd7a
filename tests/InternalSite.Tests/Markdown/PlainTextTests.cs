using System.Text;
using InternalSite.Markdown;

namespace InternalSite.Tests.Markdown;

/// <summary>Collapsing whitespace leaves the words of a text one space apart, whether it is read from a span or a builder.</summary>
public sealed class PlainTextTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData(" \n\t ", "")]
    [InlineData("  one  ", "one")]
    [InlineData("one\n\ntwo \t three ", "one two three")]
    public void Runs_of_whitespace_become_one_space(string text, string expected) =>
        Assert.Equal(expected, PlainText.CollapseWhitespace(text));

    [Fact]
    public void A_builder_of_several_chunks_collapses_as_its_text()
    {
        // The first chunk holds "ab  " exactly: the whitespace between the words ends it, and the next starts with a word.
        var text = new StringBuilder(4).Append("ab  ").Append("cd\n\n").Append("  ef  ");
        var chunks = 0;
        foreach (var _ in text.GetChunks())
        {
            chunks++;
        }

        Assert.True(chunks > 1, "the test needs a builder of several chunks");
        Assert.Equal("ab cd ef", PlainText.CollapseWhitespace(text));
        Assert.Equal(PlainText.CollapseWhitespace(text.ToString()), PlainText.CollapseWhitespace(text));
    }
}
