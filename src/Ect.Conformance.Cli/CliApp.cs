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
            CompareCommand.Create(stdout, stderr),
            HarnessCommand(),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await stderr.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            }

            await stderr.WriteLineAsync("see ect-conformance --help").ConfigureAwait(false);
            return ExitCodes.Unusable;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken).ConfigureAwait(false);
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
