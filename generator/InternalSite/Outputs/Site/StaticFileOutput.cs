namespace InternalSite.Outputs.Site;

/// <summary>Images and other files next to pages under content/, copied to the same place in the output.</summary>
public sealed class StaticFileOutput : ISiteOutput
{
    public string Name => "content files";

    public void Write(OutputContext context)
    {
        foreach (var file in context.Site.StaticFiles)
        {
            context.Emit(file.OutputPath, file.Bytes, Name);
        }
    }
}
