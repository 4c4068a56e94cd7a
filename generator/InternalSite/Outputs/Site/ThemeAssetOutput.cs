namespace InternalSite.Outputs.Site;

/// <summary>
/// The theme's <c>assets/</c> (CSS, JS, fonts, icons), most specific version of each, under <c>/assets/</c>; CSS and
/// JS without their comments and indentation (<see cref="AssetMinifier"/>).
/// </summary>
public sealed class ThemeAssetOutput : ISiteOutput
{
    public string Name => "theme assets";

    public void Write(OutputContext context)
    {
        foreach (var (path, _, bytes) in context.Theme.FilesUnder("assets/"))
        {
            context.Emit(path, AssetMinifier.Minify(path, bytes), Name);
        }
    }
}
