using System.CommandLine;
using Ect.Conformance.Judging;

namespace Ect.Conformance.Cli;

/// <summary><c>ect-conformance compare A.json B.json</c>: which runs changed outcome between two results documents.</summary>
internal sealed class CompareCommand
{
    private readonly Argument<string> _before = new("before") { Description = "The earlier results.json" };
    private readonly Argument<string> _after = new("after") { Description = "The later results.json" };

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var o = new CompareCommand();
        var command = new Command("compare", "Show the runs whose outcome changed between two results documents; exit 1 when one got worse.") { o._before, o._after };
        command.SetAction(parse =>
        {
            try
            {
                return Execute(parse.GetValue(o._before)!, parse.GetValue(o._after)!, stdout);
            }
            catch (UsageException e)
            {
                stderr.WriteLine($"error: {e.Message}");
                return ExitCodes.Unusable;
            }
        });
        return command;
    }

    /// <summary>How good an outcome is, for "got worse": a right verdict beats a skip beats anything broken.</summary>
    public static int Rank(Outcome outcome) => outcome switch
    {
        Outcome.Pass => 3,
        Outcome.PassVerdict => 2,
        Outcome.Skipped => 1,
        _ => 0,
    };

    public static int Execute(string beforePath, string afterPath, TextWriter stdout)
    {
        var before = Read(beforePath);
        var after = Read(afterPath);
        var added = after.Keys.Where(k => !before.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var removed = before.Keys.Where(k => !after.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var changed = before.Keys.Where(k => after.TryGetValue(k, out var o) && o != before[k]).Order(StringComparer.Ordinal).ToList();
        var worse = changed.Where(k => Rank(after[k]) < Rank(before[k])).ToList();

        stdout.WriteLine($"before: {beforePath}: {Describe(beforePath)}, {before.Count} runs");
        stdout.WriteLine($"after:  {afterPath}: {Describe(afterPath)}, {after.Count} runs");
        if (SuiteHash(beforePath) != SuiteHash(afterPath))
        {
            // Outcomes of renamed or edited cases are not comparable one to one; say so rather than hide it.
            stdout.WriteLine("note: the two runs used different vector suites (suite.hash differs)");
        }

        if (changed.Count > 0)
        {
            stdout.WriteLine($"\nchanged ({changed.Count}, {worse.Count} worse):");
            foreach (var key in changed)
            {
                var mark = Rank(after[key]) < Rank(before[key]) ? "worse " : Rank(after[key]) > Rank(before[key]) ? "better" : "other ";
                stdout.WriteLine($"  {mark} {key}: {before[key].ToWireName()} -> {after[key].ToWireName()}");
            }
        }

        if (added.Count > 0)
        {
            stdout.WriteLine($"\nnew ({added.Count}):");
            foreach (var key in added)
            {
                stdout.WriteLine($"  {key}: {after[key].ToWireName()}");
            }
        }

        if (removed.Count > 0)
        {
            stdout.WriteLine($"\nremoved ({removed.Count}):");
            foreach (var key in removed)
            {
                stdout.WriteLine($"  {key}: was {before[key].ToWireName()}");
            }
        }

        stdout.WriteLine(worse.Count == 0
            ? $"\nnothing got worse ({changed.Count} changed, {added.Count} new, {removed.Count} removed)"
            : $"\n{worse.Count} run(s) got worse");
        return worse.Count == 0 ? ExitCodes.Success : ExitCodes.Failures;
    }

    private static string Describe(string path)
    {
        var root = Root(path);
        var impl = root?["implementation"];
        return impl is null ? "(no implementation)" : $"{impl["name"]?.GetValue<string>()} {impl["version"]?.GetValue<string>()}";
    }

    private static string? SuiteHash(string path) => Root(path)?["suite"]?["hash"]?.GetValue<string>();

    private static System.Text.Json.Nodes.JsonNode? Root(string path)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path), documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = 100_000 });
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    private static IReadOnlyDictionary<string, Outcome> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"results document {path} does not exist");
        }

        try
        {
            return Reports.ResultsDocument.ReadOutcomes(path);
        }
        catch (Exception e) when (e is FormatException or IOException)
        {
            throw new UsageException(e.Message, e);
        }
    }
}
