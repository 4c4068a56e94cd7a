namespace InternalSite.Outputs.Images;

/// <summary>
/// Counts what a build did with images, so a test or a benchmark can tell a cold build from a warm one: a second
/// build of unchanged content processes nothing and takes everything from the cache.
/// </summary>
public sealed class ImageWork
{
    private int imagesProcessed;
    private int imagesFromCache;
    private int cardsDrawn;
    private int cardsFromCache;

    /// <summary>Source images decoded, resized and encoded in this build.</summary>
    public int ImagesProcessed => imagesProcessed;

    public int ImagesFromCache => imagesFromCache;

    /// <summary>Social cards drawn and encoded in this build.</summary>
    public int CardsDrawn => cardsDrawn;

    public int CardsFromCache => cardsFromCache;

    internal void ImageProcessed() => Interlocked.Increment(ref imagesProcessed);

    internal void ImageFromCache() => Interlocked.Increment(ref imagesFromCache);

    internal void CardDrawn() => Interlocked.Increment(ref cardsDrawn);

    internal void CardFromCache() => Interlocked.Increment(ref cardsFromCache);

    public override string ToString() =>
        $"images: {imagesProcessed} processed, {imagesFromCache} cached; cards: {cardsDrawn} drawn, {cardsFromCache} cached";
}
