using System.CommandLine;
using Ect.Conformance.Cases;
using Ect.Conformance.Comparing;
using Ect.Conformance.Judging;

namespace Ect.Conformance.Cli;

/// <summary>
/// <c>ect-conformance compare A.json B.json</c>: which runs changed outcome between two results
/// documents (either may be a published <c>all-results.json</c>), as text or as Markdown for CI.
/// </summary>
internal sealed class CompareCommand
{
    private readonly Argument<string> _before = new("before") { Description = "The earlier results.json (or an all-results.json)" };
    private readonly Argument<string> _after = new("after") { Description = "The later results.json (or an all-results.json)" };
    private readonly Option<string> _format = new("--format") { Description = "text, or markdown for a CI step summary or a pull-request comment", HelpName = "FORMAT", DefaultValueFactory = _ => "text" };
    private readonly Option<string?> _implementation = new("--implementation") { Description = "The implementation to take from an all-results.json that holds several", HelpName = "NAME" };
    private readonly Option<string?> _vectors = new("--vectors") { Description = "The corpus whose flag notes name the bug types (markdown); default: the corpus built into this tool", HelpName = "PATH" };

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var o = new CompareCommand();
        var command = new Command("compare", "Show the runs whose outcome changed between two results documents; exit 1 when one got worse.") { o._before, o._after, o._format, o._implementation, o._vectors };
        command.SetAction(parse =>
        {
            try
            {
                var format = parse.GetValue(o._format);
                if (format is not ("text" or "markdown"))
                {
                    throw new UsageException($"--format takes text or markdown, not \"{format}\"");
                }

                var comparison = new Comparison(Read(parse.GetValue(o._before)!, parse.GetValue(o._implementation)), Read(parse.GetValue(o._after)!, parse.GetValue(o._implementation)));
                if (format == "markdown")
                {
                    stdout.Write(MarkdownComparison.Render(comparison, Notes(parse.GetValue(o._vectors))));
                }
                else
                {
                    WriteText(comparison, stdout);
                }

                return comparison.Worse.Count == 0 ? ExitCodes.Success : ExitCodes.Failures;
            }
            catch (UsageException e)
            {
                stderr.WriteLine($"error: {e.Message}");
                return ExitCodes.Unusable;
            }
        });
        return command;
    }

    private static void WriteText(Comparison comparison, TextWriter stdout)
    {
        var before = comparison.Before.Outcomes;
        var after = comparison.After.Outcomes;
        stdout.WriteLine($"before: {comparison.Before.Path}: {comparison.Before.Label}, {before.Count} runs");
        stdout.WriteLine($"after:  {comparison.After.Path}: {comparison.After.Label}, {after.Count} runs");
        if (comparison.SuitesDiffer)
        {
            // Outcomes of renamed or edited cases are not comparable one to one; say so rather than hide it.
            stdout.WriteLine("note: the two runs used different vector suites (suite.hash differs)");
        }

        if (comparison.Changed.Count > 0)
        {
            stdout.WriteLine($"\nchanged ({comparison.Changed.Count}, {comparison.Worse.Count} worse):");
            foreach (var key in comparison.Changed)
            {
                var (was, now) = (Comparison.Rank(before[key]), Comparison.Rank(after[key]));
                var mark = now < was ? "worse " : now > was ? "better" : "other ";
                stdout.WriteLine($"  {mark} {key}: {before[key].ToWireName()} -> {after[key].ToWireName()}");
            }
        }

        if (comparison.Added.Count > 0)
        {
            stdout.WriteLine($"\nnew ({comparison.Added.Count}):");
            foreach (var key in comparison.Added)
            {
                stdout.WriteLine($"  {key}: {after[key].ToWireName()}");
            }
        }

        if (comparison.Removed.Count > 0)
        {
            stdout.WriteLine($"\nremoved ({comparison.Removed.Count}):");
            foreach (var key in comparison.Removed)
            {
                stdout.WriteLine($"  {key}: was {before[key].ToWireName()}");
            }
        }

        stdout.WriteLine(comparison.Worse.Count == 0
            ? $"\nnothing got worse ({comparison.Changed.Count} changed, {comparison.Added.Count} new, {comparison.Removed.Count} removed)"
            : $"\n{comparison.Worse.Count} run(s) got worse");
    }

    private static ComparedRuns Read(string path, string? implementation)
    {
        try
        {
            return ComparedRuns.Load(path, implementation);
        }
        catch (FileNotFoundException)
        {
            throw new UsageException($"results document {path} does not exist");
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException(e.Message, e);
        }
    }

    private static IReadOnlyDictionary<string, FlagNote> Notes(string? vectors)
    {
        try
        {
            return (vectors is null ? BuiltInCorpus.Load() : VectorSuite.LoadPath(vectors)).Notes;
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot load the vectors: {e.Message}", e);
        }
    }
}
