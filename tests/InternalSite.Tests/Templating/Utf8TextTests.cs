using System.Text;
using InternalSite.Templating;

namespace InternalSite.Tests.Templating;

/// <summary>A render buffer's UTF-8 bytes are those of its text, however the buffer is cut into chunks.</summary>
public sealed class Utf8TextTests
{
    [Fact]
    public void One_chunk_is_encoded_as_its_text()
    {
        var text = new StringBuilder("<p>Café · naïve 😀</p>");

        Assert.Equal(Encoding.UTF8.GetBytes(text.ToString()), Utf8Text.Encode(text));
    }

    [Fact]
    public void A_character_split_between_two_chunks_is_encoded_whole()
    {
        // Four characters fill the first chunk, which then ends with the first half of the emoji.
        var text = new StringBuilder(4).Append("abc").Append("😀 and é after it");
        var chunks = 0;
        foreach (var _ in text.GetChunks())
        {
            chunks++;
        }

        Assert.True(chunks > 1, "the test needs a buffer of several chunks");
        Assert.Equal(Encoding.UTF8.GetBytes(text.ToString()), Utf8Text.Encode(text));
    }

    [Fact]
    public void An_empty_buffer_is_no_bytes() => Assert.Empty(Utf8Text.Encode(new StringBuilder()));
}
