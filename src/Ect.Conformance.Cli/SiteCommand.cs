using System.CommandLine;
using Ect.Conformance.Cases;
using Ect.Conformance.Site;

namespace Ect.Conformance.Cli;

/// <summary><c>ect-conformance site RESULTS... --out DIR</c>: a static site from results documents of one or more implementations, one or more runs each.</summary>
internal sealed class SiteCommand
{
    private readonly Argument<string[]> _results = new("results") { Description = "results.json files: several implementations, and successive runs of one for its history", Arity = ArgumentArity.OneOrMore };
    private readonly Option<string> _out = new("--out") { Description = "The folder the site is written to (created when missing)", HelpName = "DIR", Required = true };
    private readonly Option<string?> _vectors = new("--vectors") { Description = "The corpus for inputs and flag notes: a vectors folder or a bundle; default: the corpus built into this tool", HelpName = "PATH" };

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var o = new SiteCommand();
        var command = new Command("site", "Build a static results site (index, a page per implementation and per case, badges, history, api/all-results.json).") { o._results, o._out, o._vectors };
        command.SetAction(parse =>
        {
            try
            {
                return Execute(parse.GetValue(o._results)!, parse.GetValue(o._out)!, parse.GetValue(o._vectors), stdout);
            }
            catch (UsageException e)
            {
                stderr.WriteLine($"error: {e.Message}");
                return ExitCodes.Unusable;
            }
        });
        return command;
    }

    public static int Execute(IReadOnlyList<string> resultsPaths, string outDir, string? vectors, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(resultsPaths);
        ArgumentNullException.ThrowIfNull(stdout);
        var files = resultsPaths.Select(Load).ToList();
        var corpus = LoadCorpus(vectors);
        var data = new SiteData(files, corpus);
        IReadOnlyList<string> written;
        try
        {
            written = SiteBuilder.Build(data, outDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write the site to {outDir}: {e.Message}", e);
        }

        foreach (var history in data.Histories)
        {
            var score = Score.Of(history.Latest.Runs);
            stdout.WriteLine($"{history.Name}: {history.Runs.Count} run(s), latest verdict {Score.Percent(score.Verdict)}, diagnosis {Score.Percent(score.Diagnosis)}, {score.UnexpectedAccepts} accepted forgeries");
        }

        stdout.WriteLine($"site: {written.Count} files in {outDir} (open {Path.Combine(outDir, SitePaths.Index)})");
        return ExitCodes.Success;
    }

    private static ResultsFile Load(string path)
    {
        try
        {
            return ResultsFile.Load(path);
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException(e.Message, e);
        }
    }

    private static VectorSuite LoadCorpus(string? path)
    {
        try
        {
            return path is null ? BuiltInCorpus.Load() : VectorSuite.LoadPath(path);
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot load the vectors: {e.Message}", e);
        }
    }
}
