using FsCheck;
using FsCheck.Fluent;

namespace Ect.Tests.Properties;

/// <summary>
/// The properties' replay rests on the product generators drawing only from the <see cref="System.Random"/>
/// they are given: the same FsCheck seed must give the same values again, and different draws
/// must differ, whatever the generators' authors change.
/// </summary>
public class SeededGenTests
{
    private const int Draws = 25;

    [Test]
    public void PayloadsReplayFromTheFsCheckSeed([Values] EctDraft draft) =>
        AssertReplays(SeededGen.Payloads(draft).Select(p => p.ToJsonString()));

    [Test]
    public void DagsReplayFromTheFsCheckSeed() => AssertReplays(SeededGen.Dags().Select(d => d.ToString()));

    /// <summary>The signature is left out: the platform's ECDSA signs with a fresh nonce each time.</summary>
    [Test]
    public void VerifyTokensReplayFromTheFsCheckSeed([Values] EctDraft draft) =>
        AssertReplays(SeededGen.VerifyTokens(draft).Select(t => string.Join('.', t.Split('.').SkipLast(1))));

    [Test]
    public void PrefixesAreShorterDagsShortestFirst()
    {
        foreach (var dag in Draw(SeededGen.Dags()))
        {
            var prefixes = SeededGen.Prefixes(dag).ToList();
            Assert.That(prefixes.Select(p => p.Tasks.Count), Is.EqualTo(Enumerable.Range(1, dag.Tasks.Count - 1)));
            foreach (var prefix in prefixes)
            {
                var named = prefix.Tasks.Select(t => t.Jti).ToHashSet();
                Assert.That(prefix.Tasks.SelectMany(t => t.Preds).All(named.Contains), Is.True, prefix.ToString());
            }
        }
    }

    private static void AssertReplays(Gen<string> gen)
    {
        var first = Draw(gen);
        Assert.That(Draw(gen), Is.EqualTo(first));
        Assert.That(first.Distinct().Count(), Is.GreaterThan(Draws / 2));
    }

    private static List<T> Draw<T>(Gen<T> gen)
    {
        var values = new List<T>();
        var config = Config.QuickThrowOnFailure.WithMaxTest(Draws).WithReplay(PropertyRun.DefaultSeed, PropertyRun.DefaultGamma).WithQuietOnSuccess(true);
        FsCheck.Check.One(config, Prop.ForAll(gen.ToArbitrary(), values.Add));
        return values;
    }
}
