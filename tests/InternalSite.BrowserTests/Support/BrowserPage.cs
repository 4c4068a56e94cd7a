using Microsoft.Playwright;

namespace InternalSite.BrowserTests.Support;

/// <summary>A Playwright page that records what a test should never see: console errors, CSP violations, off-origin requests.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly StaticSiteServer server;

    public BrowserPage(IBrowserContext context, IPage page, StaticSiteServer server)
    {
        this.context = context;
        this.server = server;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                ConsoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => ConsoleErrors.Add(error);
        page.Request += (_, request) =>
        {
            var uri = new Uri(request.Url);
            if (uri.Scheme is "http" or "https" && (uri.Host != "127.0.0.1" || uri.Port != server.Port))
            {
                OffOriginRequests.Add(request.Url);
            }
        };
    }

    public IPage Page { get; }

    public List<string> ConsoleErrors { get; } = [];

    public List<string> OffOriginRequests { get; } = [];

    public Task<IResponse?> GotoAsync(string path) => Page.GotoAsync(server.Url(path));

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
