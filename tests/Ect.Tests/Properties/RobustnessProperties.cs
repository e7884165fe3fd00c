using System.Diagnostics;
using System.Text;
using Ect.Dag;
using Ect.Parsing;
using Ect.Tests.Support;
using Ect.Transport;
using FsCheck;
using FsCheck.Fluent;

namespace Ect.Tests.Properties;

/// <summary>No input makes parsing or verification throw or hang: arbitrary text and segments, and the fuzzer's near-miss tokens.</summary>
public class RobustnessProperties
{
    /// <summary>Far above any honest verification; only a hang or a runaway loop gets near it.</summary>
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(2);

    private static readonly string[] JsonFragments =
    [
        "{", "}", "[", "]", ",", ":", "\"iss\"", "\"aud\"", "\"jti\"", "\"pred\"", "\"par\"", "\"ect_ext\"", "\"typ\"", "\"alg\"",
        "\"ES256\"", "\"none\"", "\"exec+jwt\"", "1e999", "-0", "123456789012345678901234567890", "null", "true", "\"\\ud800\"",
        "\"\\u0000\"", "\"a\"", " ", "\uFEFF", "é", "\"kid\"", "\"crit\"", "[[[[[[", "]]]]]]",
    ];

    private static Gen<string> Segment =>
        Gen.OneOf(
            from bytes in Gen.ArrayOf(Gen.Choose(0, 255)) select Base64Url.Encode(bytes.Select(b => (byte)b).ToArray()),
            from parts in Gen.ArrayOf(Gen.Elements(JsonFragments)) select Base64Url.Encode(Encoding.UTF8.GetBytes(string.Concat(parts))),
            from chars in Gen.ArrayOf(Gen.Elements("AZaz09-_=+/. \t".ToCharArray())) select new string(chars));

    private static Gen<string> Inputs(EctDraft draft) =>
        Gen.OneOf(
            SeededGen.VerifyTokens(draft),
            from a in Segment from b in Segment from c in Segment select $"{a}.{b}.{c}",
            from a in Segment from b in Segment select $"{a}.{b}",
            Segment,
            from chars in Gen.ArrayOf(Gen.Choose(0, 0xFFFF)) select new string(chars.Select(c => (char)c).ToArray()));

    [TestCase(EctDraft.Draft00)]
    [TestCase(EctDraft.Draft01)]
    public void VerificationOfArbitraryInputNeverThrowsOrHangs(EctDraft draft)
    {
        var verifier = Verifiers.Create(draft, Verifiers.Options with { MinimumLevel = 1 }, new Ect.Ledger.MemoryLedger());
        PropertyRun.Check($"arbitrary-input-{draft.ToWireName()}", 1000, Inputs(draft).ToArbitrary(), input =>
        {
            var watch = Stopwatch.StartNew();
            var result = verifier.Check(input);
            Assert.That(watch.Elapsed, Is.LessThan(HangBound));
            Assert.That(result.IsValid || result.Error!.Message.Length > 0, Is.True);
            _ = JwsParser.Parse(input, 65_536);
            _ = ExecutionContextHeader.Parse([input]);
        });
    }

    [Test]
    public void DagValidationOfArbitraryStoresNeverThrows()
    {
        var ids = Gen.Elements("a", "b", "c", "d", "e");
        var tasks =
            from jti in ids
            from wid in Gen.Elements<string?>(null, "w1", "w2")
            from iat in Gen.Choose(0, 100)
            from preds in Gen.ArrayOf(ids)
            select (jti, wid, iat, preds);
        PropertyRun.Check("arbitrary-store", 500, Gen.ArrayOf(tasks).ToArbitrary(), input =>
        {
            var ledger = new Ect.Ledger.MemoryLedger();
            foreach (var (jti, wid, iat, preds) in input)
            {
                // Whatever the verdict, store it: dangling references and cycles on purpose, which the next validation must cope with.
                var task = Payloads.Task(jti, iat, wid, preds);
                _ = DagValidator.Validate(task, ledger, EctDraft.Draft01, DagOptions.Default with { MaxAncestors = 3 });
                ledger.TryAppend(task);
            }
        });
    }
}
