using System.Text;
using System.Text.Json.Nodes;
using Ect.Conformance.Cases;
using Ect.Conformance.Fuzzing;

namespace Ect.Conformance.Tests.Fuzzing;

/// <summary>
/// The edge generators land where they say: times on both sides of the profile's comparisons and
/// token sizes within one of <c>max_token_bytes</c>, each judged by the reference as the profile's
/// comparisons (written out here, apart from the engine) say.
/// </summary>
public sealed class EdgeCaseTests
{
    private const int Draws = 300;

    [Test]
    public void TimeBoundariesAreJudgedByTheProfilesComparisonsAndFallOnBothSides()
    {
        var verdicts = new List<bool>();
        for (var seed = 0; seed < Draws; seed++)
        {
            var random = new Random(seed);
            var token = TokenRecipe.Create(PayloadGenerator.Header(EctDraft.Draft01), PayloadGenerator.Payload(random, EctDraft.Draft01));
            var generated = FuzzCases.Verify(EctDraft.Draft01, token);
            var options = generated.Recipe["options"]!.AsObject();
            var payload = token["payload"]!.AsObject();
            var what = TimeBoundaries.Apply(random, payload, options);

            var (iat, exp, now) = (payload["iat"]!.GetValue<long>(), payload["exp"]!.GetValue<long>(), FuzzDefaults.Now);
            var leeway = ClaimMutations.Option(options, "exp_leeway", 0);
            // TIME-1 and TIME-2 as docs/profile.md writes them.
            var valid = now < exp + leeway && exp > iat && now - iat <= ClaimMutations.Option(options, "iat_max_age", 900)
                && iat - now <= ClaimMutations.Option(options, "iat_max_future", 30);
            var expected = Oracle.Ask(generated)!.Case.Expected.Single();
            Assert.That(expected.Verdict, Is.EqualTo(valid ? ExpectedVerdict.Valid : ExpectedVerdict.Invalid), $"seed {seed}: {what.Description}");
            verdicts.Add(valid);
        }

        Assert.That(verdicts.Count(v => v), Is.InRange(Draws / 5, Draws * 4 / 5), "boundaries fall on both sides");
    }

    [Test]
    public void TokenSizesSetTheLimitWithinOneOfTheTokensLengthAndTheLimitCountsBytes()
    {
        for (var seed = 0; seed < Draws; seed++)
        {
            var random = new Random(seed);
            var token = TokenRecipe.Create(PayloadGenerator.Header(EctDraft.Draft01), PayloadGenerator.Payload(random, EctDraft.Draft01));
            var generated = FuzzCases.Verify(EctDraft.Draft01, token);
            var options = generated.Recipe["options"]!.AsObject();
            TokenSizes.Apply(random, token, options);

            // Signed again: the length must not change with the signature.
            var rendered = TokenRecipe.Render(token);
            var bytes = Encoding.UTF8.GetByteCount(rendered);
            var limit = options["max_token_bytes"]!.GetValue<int>();
            var nearest = Math.Min(Math.Abs(bytes - limit), Math.Abs(rendered.EnumerateRunes().Count() - limit));
            Assert.That(nearest, Is.LessThanOrEqualTo(1), $"seed {seed}: {bytes} bytes, max_token_bytes {limit}");

            var expected = Oracle.Ask(generated)!.Case.Expected.Single();
            Assert.That(expected.Codes.Contains("token_too_large"), Is.EqualTo(bytes > limit), $"seed {seed}: {bytes} bytes, max_token_bytes {limit}");
        }
    }
}
