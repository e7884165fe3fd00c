using System.Text.Json.Nodes;
using Ect.Conformance.Fuzzing;
using FsCheck;
using FsCheck.Fluent;

namespace Ect.Tests.Properties;

/// <summary>
/// FsCheck generators over the fuzzer's seeded generators (<c>src/Ect.Conformance/Fuzzing</c>):
/// FsCheck draws a seed and the product generator draws the value from a <see cref="System.Random"/> with
/// that seed, so the properties and <c>ect-conformance fuzz</c> share one model of valid payloads
/// and DAGs, and FsCheck's replay (<see cref="PropertyRun"/>'s printed seed) still reproduces every
/// value. A seed is not shrunk: a smaller seed is no smaller value. Nor is a payload: the product
/// <see cref="Shrinker"/>'s reductions (a claim dropped, a string halved) mostly leave a payload no
/// verifier accepts, which would turn the failure being shrunk into another one.
/// </summary>
internal static class SeededGen
{
    /// <summary>Up to the default <c>max_pred_length</c>, so payloads reach the limit a verifier applies.</summary>
    public const int MaxPredecessors = 100;

    /// <summary>The value <paramref name="generate"/> draws from a seed FsCheck chooses.</summary>
    public static Gen<T> From<T>(Func<System.Random, T> generate) =>
        Gen.Choose(0, int.MaxValue).Select(seed => generate(new System.Random(seed)));

    /// <summary>
    /// Payloads a verifier in <paramref name="draft"/> accepts at <see cref="FuzzDefaults.Now"/>:
    /// <see cref="PayloadGenerator.Payload"/> naming 0 to <see cref="MaxPredecessors"/> predecessors,
    /// with a <c>jti</c> of any UUID version and, one in two, a <c>wid</c> of any version (else the
    /// generator's own choice: a version-4 <c>wid</c> or none).
    /// </summary>
    public static Gen<JsonObject> Payloads(EctDraft draft) =>
        From(random =>
        {
            var preds = PayloadGenerator.Predecessors(random, MaxPredecessors);
            var jti = random.AnyUuid();
            var wid = random.Chance(0.5) ? random.AnyUuid() : null;
            return PayloadGenerator.Payload(random, draft, preds, jti, wid);
        });

    /// <summary>
    /// The last token of a verify case the fuzzer draws (<see cref="VerifyGenerator"/>): honest, or
    /// changed in a claim, the header or the key before signing, or in its characters after, and
    /// signed with the vector keys, so most changes get past the signature.
    /// </summary>
    public static Gen<string> VerifyTokens(EctDraft draft) =>
        From(random => TokenRecipe.Render(VerifyGenerator.Generate(random, draft).Recipe["tokens"]!.AsArray()[^1]!.AsObject()));

    /// <summary>Valid DAGs of 1 to <paramref name="maxTasks"/> tasks (<see cref="WorkflowGenerator.Generate"/>).</summary>
    public static Gen<Workflow> Dags(int maxTasks = 40) => From(random => WorkflowGenerator.Generate(random, maxTasks));

    /// <summary>
    /// A DAG's shorter prefixes, the shortest first: its tasks are listed in a topological order, so
    /// every prefix is a valid DAG too, and a failing DAG shrinks to the fewest tasks that still fail.
    /// </summary>
    public static IEnumerable<Workflow> Prefixes(Workflow dag) =>
        Enumerable.Range(1, dag.Tasks.Count - 1).Select(count => new Workflow(dag.Tasks.Take(count).ToArray()));
}
