using System.Globalization;
using System.Xml.Linq;
using Ect.Conformance.Expectations;
using Ect.Conformance.Judging;
using Ect.Conformance.Runner;

namespace Ect.Conformance.Reports;

/// <summary>
/// JUnit XML for CI dashboards: one test suite per topic, one test case per run. A run that fails
/// the run is a failure (wrong verdict or output) or an error (errored, timeout, crashed); a known
/// deviation and a run not sent are skipped, with the reason as message.
/// </summary>
public static class JUnitReport
{
    public static XDocument ToXml(ConformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var suites = new XElement("testsuites",
            new XAttribute("name", $"ECT conformance: {report.Results.Implementation?.Name ?? "(not started)"}"),
            new XAttribute("tests", report.Results.Runs.Count),
            new XAttribute("failures", report.Unexpected.Count(r => !IsError(r.Outcome))),
            new XAttribute("errors", report.Unexpected.Count(r => IsError(r.Outcome))),
            new XAttribute("time", Seconds(report.Results.Duration)));
        foreach (var topic in report.Results.Runs.GroupBy(r => r.Run.Case.Topic).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var cases = topic.Select(r => TestCase(r, report.Expectations.For(r))).ToList();
            suites.Add(new XElement("testsuite",
                new XAttribute("name", topic.Key),
                Properties(report),
                new XAttribute("tests", cases.Count),
                new XAttribute("failures", cases.Count(c => c.Element("failure") is not null)),
                new XAttribute("errors", cases.Count(c => c.Element("error") is not null)),
                new XAttribute("skipped", cases.Count(c => c.Element("skipped") is not null)),
                new XAttribute("time", Seconds(TimeSpan.FromTicks(topic.Sum(r => r.Duration.Ticks)))),
                cases));
        }

        if (report.Results.StartError is { } startError)
        {
            suites.Add(new XElement("testsuite", new XAttribute("name", "harness"), new XAttribute("tests", 1), new XAttribute("errors", 1),
                new XElement("testcase", new XAttribute("classname", "harness"), new XAttribute("name", "start"),
                    new XElement("error", new XAttribute("message", "the harness never answered start"), startError))));
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), suites);
    }

    public static void Write(ConformanceReport report, string path) => ToXml(report).Save(path);

    /// <summary>What the run was judged with, on every suite (JUnit puts properties on a testsuite), so a CI dashboard shows it.</summary>
    private static XElement Properties(ConformanceReport report) => new("properties",
        Property("corpus.version", report.Results.Suite.Version),
        Property("corpus.content_hash", report.Results.Suite.Hash),
        Property("runner.version", ResultsDocument.RunnerVersion));

    private static XElement Property(string name, string value) => new("property", new XAttribute("name", name), new XAttribute("value", value));

    private static XElement TestCase(RunResult result, RunExpectation expectation)
    {
        var element = new XElement("testcase",
            new XAttribute("classname", result.Run.Case.Topic),
            new XAttribute("name", result.Run.Key),
            new XAttribute("time", Seconds(result.Duration)));
        var detail = $"{result.Run.Case.Description}\nrules: {string.Join(", ", result.Run.Case.Rules)}\nexpected: {RunDescription.Expected(result)}\nactual: {RunDescription.Actual(result)}\n{result.Judgement.Detail}";
        switch (expectation.Status)
        {
            case ExpectationStatus.Unexpected:
                element.Add(new XElement(IsError(result.Outcome) ? "error" : "failure",
                    new XAttribute("message", $"{result.Outcome.ToWireName()}: {Shorten(expectation.Note == "pass" ? result.Judgement.Detail : expectation.Note)}"),
                    new XAttribute("type", result.Outcome.ToWireName()),
                    detail));
                break;
            case ExpectationStatus.NotApplicable:
                element.Add(new XElement("skipped", new XAttribute("message", result.Judgement.Detail)));
                break;
            case ExpectationStatus.Expected when result.Outcome != Outcome.Pass:
                element.Add(new XElement("skipped", new XAttribute("message", $"known deviation ({result.Outcome.ToWireName()}): {expectation.Entry?.Reason}")));
                break;
        }

        if (result.Stderr is { } stderr)
        {
            element.Add(new XElement("system-err", stderr));
        }

        return element;
    }

    private static bool IsError(Outcome outcome) => outcome is Outcome.Errored or Outcome.Timeout or Outcome.Crashed;

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..297] + "...";
}
