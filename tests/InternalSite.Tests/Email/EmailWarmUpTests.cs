using InternalSite.Outputs.Email;

namespace InternalSite.Tests.Email;

/// <summary>The warm-up a build starts for a site with newsletters runs the email path once, and only once.</summary>
public sealed class EmailWarmUpTests
{
    [Fact]
    public async Task The_warm_up_runs_the_parsers_inliner_and_writer_to_the_end_once_per_process()
    {
        var first = NewsletterEmailRenderer.WarmUp();
        await first.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(first.IsCompletedSuccessfully, first.Exception?.ToString());
        Assert.Same(first, NewsletterEmailRenderer.WarmUp());
    }
}
