using System.CommandLine;
using System.Text;

namespace Ect.Conformance.Cli;

/// <summary>The <c>ect-conformance</c> command line, with its writers passed in so tests can run it in-process.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, bool interactive = false, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("ect-conformance: the ECT conformance suite's runner (harness protocol v1).")
        {
            RunCommand.Create(stdout, stderr, interactive),
            FuzzCommand.Create(stdout, stderr),
            CompareCommand.Create(stdout, stderr),
            SiteCommand.Create(stdout, stderr),
            HarnessCommand(),
        };
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionAction(stdout);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One plain sentence: the first problem, said in the tool's words where the parser's are about its internals.
            await stderr.WriteLineAsync($"error: {Describe(parse, root)} (see ect-conformance --help)").ConfigureAwait(false);
            return ExitCodes.Unusable;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken).ConfigureAwait(false);
    }

    private static string Describe(ParseResult parse, RootCommand root)
    {
        var commands = string.Join(", ", root.Subcommands.Select(c => c.Name));
        if (parse.CommandResult.Command == root)
        {
            return parse.UnmatchedTokens.Count > 0 || parse.Tokens.Count > 0
                ? $"unknown command \"{parse.Tokens[0].Value}\": the commands are {commands}"
                : $"no command given: the commands are {commands}";
        }

        if (parse.UnmatchedTokens.Count > 0)
        {
            return $"{parse.CommandResult.Command.Name} does not take \"{parse.UnmatchedTokens[0]}\"";
        }

        var message = parse.Errors[0].Message;
        return message.EndsWith('.') ? message[..^1] : message;
    }

    private static Command HarnessCommand()
    {
        var command = new Command("harness", "Serve the reference engine over protocol v1 on stdin/stdout (for testing the subprocess path).");
        command.SetAction(_ =>
        {
            using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
            using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
            return HarnessServer.Serve(input, output, Console.Error);
        });
        return command;
    }
}
