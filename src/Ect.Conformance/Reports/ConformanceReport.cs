using Ect.Conformance.Expectations;
using Ect.Conformance.Judging;
using Ect.Conformance.Runner;

namespace Ect.Conformance.Reports;

/// <summary>A run's results with their standing against the expectations: what every report format renders.</summary>
public sealed class ConformanceReport(RunResults results, ExpectationReport expectations)
{
    private ReportSummary? _summary;
    private FlagNotes? _notes;

    public RunResults Results { get; } = results;

    public ExpectationReport Expectations { get; } = expectations;

    public ReportSummary Summary => _summary ??= ReportSummary.Of(Results.Runs);

    /// <summary>0 every run passed or matched its expectation, 1 some did not, 2 the run could not be carried out.</summary>
    public int ExitCode => Results.StartError is not null ? 2 : Expectations.AllAsExpected ? 0 : 1;

    /// <summary>Runs that fail the run: not passing and not listed, or not as listed.</summary>
    public IEnumerable<RunResult> Unexpected => Results.Runs.Where(r => Expectations.For(r).Status == ExpectationStatus.Unexpected);

    /// <summary>The unexpected runs worst first (<see cref="FailureKind"/>), then by run key: the order every report lists them in.</summary>
    public IReadOnlyList<RunResult> UnexpectedWorstFirst =>
        Unexpected.OrderBy(FailureKinds.Of).ThenBy(r => r.Run.Key, StringComparer.Ordinal).ToList();

    /// <summary>The flag notes of the suite's vector folder (its <c>notes.yaml</c>).</summary>
    public FlagNotes Notes
    {
        get => _notes ??= FlagNotes.Load(Results.Suite.Path);
        init => _notes = value;
    }

    /// <summary>The bug types of a run's flags (e.g. <c>AUTH_BYPASS</c>), each once, in flag order.</summary>
    public IReadOnlyList<string> BugTypes(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Notes.For(result.Run.Case.Flags).Select(n => n.BugType).Where(b => b.Length > 0).Distinct().ToList();
    }

    /// <summary>Runs that did not pass but ended as the expectations file says.</summary>
    public IEnumerable<RunResult> KnownDeviations =>
        Results.Runs.Where(r => r.Outcome != Outcome.Pass && Expectations.For(r).Status == ExpectationStatus.Expected);

    /// <summary>Runs not sent because the implementation did not declare what they need.</summary>
    public IEnumerable<RunResult> NotApplicable => Results.Runs.Where(r => Expectations.For(r).Status == ExpectationStatus.NotApplicable);

    /// <summary>A report with no expectations file: every declared run must pass.</summary>
    public static ConformanceReport WithoutExpectations(RunResults results, Cases.VectorSuite suite) =>
        new(results, ExpectationEvaluator.Evaluate(ExpectationFile.Empty, results, suite)) { Notes = FlagNotes.Of(suite.Notes) };
}
