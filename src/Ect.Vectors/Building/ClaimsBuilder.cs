using System.Text.Json.Nodes;

namespace Ect.Vectors.Building;

/// <summary>
/// Builds an ECT payload in one vocabulary. It starts as a payload every verifier accepts at
/// <see cref="Fixtures.Now"/> (a root task of workflow 1, issued 10 s ago, valid for 600 s); each
/// call changes one claim.
/// </summary>
public abstract class ClaimsBuilder<TSelf>
    where TSelf : ClaimsBuilder<TSelf>
{
    protected ClaimsBuilder(Vocab vocab)
    {
        Vocab = vocab;
        Claims = new JsonObject
        {
            ["iss"] = Fixtures.Issuer,
            ["aud"] = new JsonArray(Fixtures.Verifier),
            ["iat"] = Fixtures.Now - 10,
            ["exp"] = Fixtures.Now + 590,
            ["jti"] = Fixtures.Task(1),
            ["wid"] = Fixtures.W1,
            ["exec_act"] = Fixtures.ExecAct,
            [vocab.PredClaim()] = new JsonArray(),
        };
    }

    public Vocab Vocab { get; }

    protected JsonObject Claims { get; }

    private TSelf Self => (TSelf)this;

    /// <summary>Sets a claim (a null <paramref name="value"/> is JSON null); the claim keeps its place when it exists.</summary>
    public TSelf Set(string name, JsonNode? value)
    {
        Claims[name] = value?.DeepClone();
        return Self;
    }

    public TSelf Without(string name)
    {
        Claims.Remove(name);
        return Self;
    }

    public TSelf Iss(string value) => Set("iss", value);

    public TSelf Aud(params string[] values) => Set("aud", new JsonArray(values.Select(v => (JsonNode?)v).ToArray()));

    public TSelf AudString(string value) => Set("aud", value);

    public TSelf Iat(long value) => Set("iat", value);

    public TSelf Exp(long value) => Set("exp", value);

    /// <summary>Issued at <paramref name="iat"/>, expiring <paramref name="lifetime"/> seconds later.</summary>
    public TSelf Issued(long iat, long lifetime = 600) => Set("iat", iat).Set("exp", iat + lifetime);

    public TSelf Jti(int task) => Set("jti", Fixtures.Task(task));

    public TSelf Jti(string value) => Set("jti", value);

    public TSelf Wid(int workflow) => Set("wid", Fixtures.Workflow(workflow));

    public TSelf Wid(string value) => Set("wid", value);

    public TSelf NoWid() => Without("wid");

    public TSelf ExecAct(string value) => Set("exec_act", value);

    /// <summary>The DAG claim of the vocabulary (<c>pred</c> or <c>par</c>), listing task ids.</summary>
    public TSelf Pred(params int[] tasks) => PredIds(tasks.Select(Fixtures.Task).ToArray());

    public TSelf PredIds(params string[] ids) => Set(Vocab.PredClaim(), new JsonArray(ids.Select(v => (JsonNode?)v).ToArray()));

    /// <summary>The extension object of the vocabulary (<c>ect_ext</c> or <c>ext</c>).</summary>
    public TSelf Ext(JsonNode? value) => Set(Vocab.ExtClaim(), value);

    /// <summary>Applies a change written once for both vocabularies.</summary>
    public TSelf With(Func<TSelf, TSelf> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change(Self);
    }
}

/// <summary>A payload on its own: a store entry, or the task of a dag or create vector.</summary>
public sealed class PayloadBuilder(Vocab vocab) : ClaimsBuilder<PayloadBuilder>(vocab)
{
    public static PayloadBuilder For(Vocab vocab) => new(vocab);

    /// <summary>Task <paramref name="task"/> of workflow 1, issued at <paramref name="iat"/>, with the given predecessors.</summary>
    public static PayloadBuilder Task(Vocab vocab, int task, long iat, params int[] preds) =>
        new PayloadBuilder(vocab).Jti(task).Issued(iat).Pred(preds);

    public JsonObject Build() => Claims.DeepClone().AsObject();
}
