using InternalSite.Tests.Support;
namespace InternalSite.Tests.Calendars;
public sealed class ScratchCalendarTests
{
    [Fact]
    public void Dump()
    {
        var (result, output) = TestSite.Build(OfficeHoursSites.Files);
        Assert.True(result.Succeeded, TestSite.Errors(result));
        File.WriteAllText("/tmp/cal-all.ics", output.Text("office-hours/office-hours.ics"));
        foreach (var f in output.Files.Keys.Order()) File.AppendAllText("/tmp/cal-files.txt", f + "\n");
    }
}
