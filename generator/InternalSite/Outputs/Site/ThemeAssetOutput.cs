namespace InternalSite.Outputs.Site;

/// <summary>The theme's <c>assets/</c> (CSS, JS, fonts, icons), most specific version of each, under <c>/assets/</c>.</summary>
public sealed class ThemeAssetOutput : ISiteOutput
{
    public string Name => "theme assets";

    public void Write(OutputContext context)
    {
        foreach (var (path, _, bytes) in context.Theme.FilesUnder("assets/"))
        {
            context.Emit(path, bytes, Name);
        }
    }
}
