using InternalSite.Outputs.Email;

namespace InternalSite.Tests.Email;

public sealed class ImageSizeTests
{
    [Fact]
    public void Reads_png_gif_and_jpeg_headers()
    {
        var png = File.ReadAllBytes(Path.Combine(EmailFixture.SitePath, "content", "newsletters", "images", "graph.png"));
        byte[] gif = [(byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a', 0x2C, 0x01, 0x64, 0x00, 0, 0, 0];
        byte[] jpeg =
        [
            0xFF, 0xD8,
            0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00,                          // APP0, skipped
            0xFF, 0xC2, 0x00, 0x0B, 0x08, 0x01, 0x2C, 0x02, 0x58, 0x03, 0x00, 0x00, 0x00, // progressive SOF: 600×300
        ];

        Assert.Equal((800, 400), ImageSize.Read(png));
        Assert.Equal((300, 100), ImageSize.Read(gif));
        Assert.Equal((600, 300), ImageSize.Read(jpeg));
        Assert.Null(ImageSize.Read("<svg width=\"10\" height=\"10\"/>"u8));
        Assert.Null(ImageSize.Read([0xFF, 0xD8, 0xFF]));
    }
}
