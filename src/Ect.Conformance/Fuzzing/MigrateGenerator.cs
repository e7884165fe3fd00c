using System.Text.Json.Nodes;

namespace Ect.Conformance.Fuzzing;

/// <summary>
/// Migrate cases (mode 01): a random -00 header and payload, or one in ten a -01 payload (MIG-8),
/// then uniformly one of: nothing more; <c>pred</c> beside <c>par</c>, equal or different (MIG-2);
/// <c>ect_ext</c> beside <c>ext</c>, equal or different, or an <c>ext</c> that is no object (MIG-3);
/// <c>pol</c>/<c>pol_decision</c> with an <c>ect_ext</c> already holding them (MIG-4); <c>sub</c>
/// equal to or different from <c>iss</c> (MIG-5); a <c>sha-384:</c> or <c>sha-256:</c> hash (MIG-6).
/// </summary>
internal static class MigrateGenerator
{
    public static (JsonObject Recipe, Mutation What) Generate(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var modern = random.Chance(0.1);
        var draft = modern ? EctDraft.Draft01 : EctDraft.Draft00;
        var header = PayloadGenerator.Header(draft);
        var payload = PayloadGenerator.Payload(random, draft, random.Chance(0.5) ? [random.Uuid(), random.Uuid()] : []);
        Mutation what;
        switch (random.Next(6))
        {
            case 1:
                payload["pred"] = random.Chance(0.5) ? payload[draft.PredClaim()]!.DeepClone() : new JsonArray(random.Uuid());
                what = new Mutation("pred beside par", ["MIG-2"]);
                break;
            case 2:
                var ext = payload[draft.ExtClaim()]?.DeepClone() ?? new JsonObject { ["k"] = 1 };
                payload["ext"] = random.Chance(0.2) ? "not-an-object" : ext;
                payload["ect_ext"] = random.Chance(0.5) ? ext.DeepClone() : new JsonObject { ["k"] = 2 };
                what = new Mutation("ect_ext beside ext", ["MIG-3"]);
                break;
            case 3:
                payload["pol"] = "policy_v1";
                payload["pol_decision"] = random.Pick(PayloadGenerator.Decisions);
                payload["ext"] = new JsonObject { ["pol"] = random.Chance(0.5) ? "policy_v1" : "policy_v2" };
                what = new Mutation("pol with an extension already holding one", ["MIG-4"]);
                break;
            case 4:
                payload["sub"] = random.Chance(0.5) ? payload["iss"]!.DeepClone() : "spiffe://example.com/other";
                what = new Mutation("sub", ["MIG-5"]);
                break;
            case 5:
                payload["inp_hash"] = random.Chance(0.5) ? "sha-384:" + new string('A', 64) : "sha-256:" + PayloadGenerator.Digest(random);
                what = new Mutation("a prefixed hash", ["MIG-6"]);
                break;
            default:
                what = new Mutation(modern ? "a -01 payload" : "a -00 payload", modern ? ["MIG-8"] : ["MIG-1", "MIG-2"]);
                break;
        }

        return (new JsonObject { ["header"] = header, ["payload"] = payload }, what);
    }
}
