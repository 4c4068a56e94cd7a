namespace InternalSite.Outputs;

/// <summary>
/// One kind of output: HTML pages, a feed, a calendar, the search index… It reads the site model and emits files.
/// Adding an output is adding one class and registering it in <see cref="OutputRegistry"/>.
/// </summary>
public interface ISiteOutput
{
    string Name { get; }

    void Write(OutputContext context);
}
