using System.Text;
using Ect.Errors;
using Ect.Fuzz.Fixtures;
using Ect.Fuzz.Oracles;
using Ect.Fuzz.Seeds;
using Ect.Verification;

namespace Ect.Fuzz.Targets;

/// <summary>
/// Full verification of the raw input text, in both modes, against the store fixture. Mode 01
/// allows level 1 so that a fuzzed single segment (the base64url of a JSON payload) reaches the
/// claim, replay and DAG checks without a signature. Asserts the result invariants, that an
/// accepted token is refused when presented again (RPL-1), and that a level-1 acceptance is
/// <c>level_below_minimum</c> for a verifier that requires level 2.
/// </summary>
public sealed class VerifyRawTarget : IFuzzTarget
{
    public string Name => "verify-raw";

    public string Description => "EctVerifier.VerifyUnguarded on the raw text, modes 00 and 01, populated store; result invariants, RPL-1, levels";

    public IReadOnlyList<string> InstrumentedAssemblies { get; } = ["Ect.dll"];

    public IReadOnlyList<string> Dictionaries { get; } = ["ect.dict", "json.dict"];

    public void Run(ReadOnlySpan<byte> input)
    {
        var token = Encoding.UTF8.GetString(input);
        foreach (var draft in (ReadOnlySpan<EctDraft>)[EctDraft.Draft00, EctDraft.Draft01])
        {
            var result = VerifyOnce.Run(draft, token, Scenario.Options, out var verifier);
            if (!result.IsValid)
            {
                continue;
            }

            var again = verifier.VerifyUnguarded(token, Scenario.Now);
            Check.That(again.Error?.Code == EctErrorCode.Replay, () => $"mode {draft.ToWireName()}: an accepted token presented again is {again} (RPL-1)");
            if (result.Level == 1)
            {
                var strict = VerifyOnce.Run(draft, token, Scenario.Options with { MinimumLevel = 2 }, out _);
                Check.That(strict.Error?.Code == EctErrorCode.LevelBelowMinimum, () => $"a level-1 token under minimum level 2 is {strict}");
            }
        }
    }

    public IEnumerable<Seed> Seeds(SeedSource source) => TokenSeeds.For(source);
}
