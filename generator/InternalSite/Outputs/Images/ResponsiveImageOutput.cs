namespace InternalSite.Outputs.Images;

/// <summary>Writes the resized and WebP variants of every image under content/ beside the original.</summary>
public sealed class ResponsiveImageOutput : ISiteOutput
{
    public string Name => "image variants";

    public void Write(OutputContext context)
    {
        var catalog = ImageCatalog.For(context.Site.StaticFiles, context.Options.Images, context.Site.Config.BasePath);
        var variants = catalog.Entries.Where(e => e.Problem is null).SelectMany(e => e.Variants.Select(v => (Entry: e, Variant: v))).ToArray();
        Parallel.ForEach(variants, item => context.Emit(item.Variant.OutputPath, catalog.BytesOf(item.Entry, item.Variant), Name));
    }
}
