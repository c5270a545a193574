using System.Globalization;
using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Wahana.BrowserTests.Support;

/// <summary>
/// Runs axe-core on pages and collects their serious or critical violations, printing every violation found;
/// a journey checks several pages and asserts once at its end, so one page's problem does not hide the next's.
/// </summary>
public sealed class Accessibility(ITestOutputHelper output)
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    private readonly List<string> _blocking = [];

    public async Task CheckAsync(IPage page, string what)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe();
        var report = new StringBuilder();
        foreach (var violation in result.Violations)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"[{violation.Impact}] {violation.Id}: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes.Take(5))
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"    {node.Target}: {node.Html}");
            }
        }
        output.WriteLine($"axe on {what} ({page.Url}): {result.Violations.Length} violation(s), {result.Passes.Length} rule(s) passed.");
        if (report.Length > 0)
        {
            output.WriteLine(report.ToString());
        }
        var blocking = result.Violations.Count(v => BlockingImpacts.Contains(v.Impact));
        if (blocking > 0)
        {
            _blocking.Add($"{blocking} serious or critical violation(s) on {what}:{Environment.NewLine}{report}");
        }
    }

    /// <summary>Fails when any page checked so far had a serious or critical violation.</summary>
    public void AssertNoSeriousViolations() =>
        Assert.True(_blocking.Count == 0, "Accessibility (axe):" + Environment.NewLine + string.Join(Environment.NewLine, _blocking));
}
