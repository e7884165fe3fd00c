using System.Text;

namespace Ect.Conformance.Subprocess;

/// <summary>
/// Splits a harness command line into program and arguments the way a POSIX shell would, as long
/// as it uses only words and quotes. Starting the program directly (rather than through
/// <c>/bin/sh -c</c>, which stays around as its parent) lets the runner see the harness itself
/// close its output or die. Anything that needs a shell (pipes, redirections, <c>&amp;&amp;</c>,
/// variables, globs, <c>VAR=value</c> prefixes) is left to <c>/bin/sh</c>.
/// </summary>
public static class CommandLine
{
    private const string ShellOnly = "|&;<>()$`*?[]{}~#!=%\n";

    /// <summary>The words of a simple command line, or null when it needs a shell.</summary>
    public static IReadOnlyList<string>? TrySplit(string commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < commandLine.Length; i++)
        {
            var c = commandLine[i];
            switch (c)
            {
                case ' ' or '\t':
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }

                    break;
                case '\'':
                    var close = commandLine.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        return null;
                    }

                    word.Append(commandLine, i + 1, close - i - 1);
                    i = close;
                    inWord = true;
                    break;
                case '"':
                    i++;
                    for (; i < commandLine.Length && commandLine[i] != '"'; i++)
                    {
                        var q = commandLine[i];
                        if (q is '$' or '`')
                        {
                            return null;
                        }

                        if (q == '\\' && i + 1 < commandLine.Length && commandLine[i + 1] is '"' or '\\')
                        {
                            i++;
                        }

                        word.Append(commandLine[i]);
                    }

                    if (i >= commandLine.Length)
                    {
                        return null;
                    }

                    inWord = true;
                    break;
                case '\\':
                    if (i + 1 >= commandLine.Length)
                    {
                        return null;
                    }

                    word.Append(commandLine[++i]);
                    inWord = true;
                    break;
                default:
                    if (ShellOnly.Contains(c, StringComparison.Ordinal))
                    {
                        return null;
                    }

                    word.Append(c);
                    inWord = true;
                    break;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words.Count == 0 ? null : words;
    }
}
