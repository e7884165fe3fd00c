using System.Text;
using Ect.Errors;
using Ect.Fuzz.Oracles;
using Ect.Fuzz.Seeds;
using Ect.Transport;

namespace Ect.Fuzz.Targets;

/// <summary>
/// The <c>Execution-Context</c> field parser (HTTP-1). The input is UTF-8 text, one field value
/// per line. Asserts: the same tokens as <see cref="HeaderModel"/> or, when the model refuses, a
/// <c>malformed</c> error; tokens carry no separators or whitespace; and writing the tokens back
/// as one field (<c>", "</c>-joined) parses to the same tokens.
/// </summary>
public sealed class HttpHeaderTarget : IFuzzTarget
{
    public string Name => "http-header";

    public string Description => "ExecutionContextHeader.Parse on field values (one per line); differential against a regex model, round trip";

    public IReadOnlyList<string> InstrumentedAssemblies { get; } = ["Ect.dll"];

    public IReadOnlyList<string> Dictionaries { get; } = ["ect.dict"];

    public void Run(ReadOnlySpan<byte> input)
    {
        var fields = Encoding.UTF8.GetString(input).Split('\n');
        var parsed = ExecutionContextHeader.Parse(fields);
        var expected = HeaderModel.Parse(fields);
        if (!parsed.Succeeded)
        {
            var error = parsed.Error;
            Check.That(error is { Code: EctErrorCode.Malformed, Message.Length: > 0 }, () => $"refused with {error}");
            Check.That(expected is null, () => $"the parser refuses ({error}), the model reads {expected!.Count} token(s)");
            return;
        }

        var tokens = parsed.Tokens;
        Check.That(expected is not null && tokens.SequenceEqual(expected, StringComparer.Ordinal),
            () => $"the parser reads [{string.Join(", ", tokens.Select(Check.Show))}], the model {(expected is null ? "refuses" : $"reads [{string.Join(", ", expected.Select(Check.Show))}]")}");
        foreach (var token in tokens)
        {
            Check.That(ExecutionContextHeader.IsCompactJwsShape(token) && token.AsSpan().IndexOfAny(", \t\r\n") < 0, () => $"token {Check.Show(token)} is not a bare compact JWS");
        }

        var again = ExecutionContextHeader.Parse([string.Join(", ", tokens)]);
        Check.That(again.Succeeded && again.Tokens.SequenceEqual(tokens, StringComparer.Ordinal), () => $"the tokens written back as one field read differently: {again}");
    }

    public IEnumerable<Seed> Seeds(SeedSource source) => HeaderSeeds.For(source);
}
