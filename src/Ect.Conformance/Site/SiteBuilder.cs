using System.Text;
using Ect.Conformance.Protocol;

namespace Ect.Conformance.Site;

/// <summary>Writes the whole static site into a folder: index, implementation, case, topic and rule pages, badges and the JSON API.</summary>
public static class SiteBuilder
{
    /// <summary>The badges each implementation gets, by the file-name suffix they are written under.</summary>
    public static IReadOnlyList<string> BadgeKinds { get; } = ["verdict", "diagnosis", "corpus"];

    /// <summary>Builds the site; returns the paths written, relative to <paramref name="outDir"/>.</summary>
    public static IReadOnlyList<string> Build(SiteData data, string outDir)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(outDir);
        var written = new List<string>();
        void Write(string path, string text)
        {
            var full = Path.Combine(outDir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text, new UTF8Encoding(false));
            written.Add(path);
        }

        Write(SitePaths.Index, IndexPage.Render(data));
        foreach (var history in data.Histories)
        {
            Write(SitePaths.Implementation(history), ImplementationPage.Render(data, history));
            var score = Score.Of(history.Latest.Runs);
            Write(SitePaths.Badge(history, "verdict"), Badge.Svg("verdict", Score.Percent(score.Verdict), Badge.ColorFor(score.Verdict)));
            Write(SitePaths.Badge(history, "diagnosis"), Badge.Svg("diagnosis", Score.Percent(score.Diagnosis), Badge.ColorFor(score.Diagnosis)));
            Write(SitePaths.Badge(history, "corpus"), Badge.Svg("ECT corpus", history.Latest.SuiteVersion, Badge.Blue));
        }

        foreach (var siteCase in data.Cases)
        {
            Write(SitePaths.Case(siteCase.Id), CasePage.Render(data, siteCase));
        }

        foreach (var topic in data.Topics)
        {
            Write(SitePaths.Topic(topic), CaseListPage.Render(data, SitePaths.Topic(topic), $"Topic {topic}", data.Cases.Where(c => c.Topic == topic)));
        }

        foreach (var rule in data.Rules)
        {
            Write(SitePaths.Rule(rule), CaseListPage.Render(data, SitePaths.Rule(rule), $"Rule {rule}", data.Cases.Where(c => c.Rules.Contains(rule))));
        }

        Write(SitePaths.AllResults, JsonText.Pretty(AllResultsDocument.ToJson(data), relaxed: true) + "\n");
        return written;
    }
}
