using System.Text.Json.Nodes;

namespace Ect.Vectors.Building;

/// <summary>The fields every case has; each operation's builder adds its input and expectations.</summary>
public abstract class CaseBuilder<TSelf>(string id, string description, string operation)
    where TSelf : CaseBuilder<TSelf>
{
    private readonly List<string> _rules = [];
    private readonly List<string> _drafts = [];
    private readonly List<string> _features = [];
    private readonly List<string> _flags = [];

    protected JsonObject Options { get; } = [];

    private TSelf Self => (TSelf)this;

    protected IReadOnlyList<string> DraftList => _drafts;

    public TSelf Rules(params string[] rules)
    {
        _rules.AddRange(rules);
        return Self;
    }

    /// <summary>The verifier modes the case runs in ("00", "01").</summary>
    public TSelf Drafts(params string[] drafts)
    {
        _drafts.AddRange(drafts);
        return Self;
    }

    public TSelf Features(params string[] features)
    {
        _features.AddRange(features);
        return Self;
    }

    public TSelf Flags(params string[] flags)
    {
        _flags.AddRange(flags);
        return Self;
    }

    /// <summary>Sets a verifier or creation parameter; parameters left out are filled with the profile's defaults when the file is loaded.</summary>
    public TSelf Option(string name, JsonNode? value)
    {
        Options[name] = value?.DeepClone();
        return Self;
    }

    public CommentedCase Build()
    {
        if (_rules.Count == 0 || _drafts.Count == 0)
        {
            throw new InvalidOperationException($"{id}: a case names its rules and drafts");
        }

        var (input, expected, notes) = BuildBody();
        return new CommentedCase(new VectorCase
        {
            Id = id,
            Description = description,
            Rules = _rules.ToArray(),
            Drafts = _drafts.ToArray(),
            Features = _features.ToArray(),
            Flags = _flags.ToArray(),
            Operation = operation,
            Input = input,
            Expected = expected,
        })
        {
            Comments = notes,
        };
    }

    protected abstract (JsonObject Input, IReadOnlyList<ExpectedResult> Expected, Dictionary<string, IReadOnlyList<IReadOnlyList<string>>> Notes) BuildBody();

    protected static JsonArray Array(IEnumerable<JsonNode?> items) => new(items.Select(i => i?.DeepClone()).ToArray());

    /// <summary>The outputs of a create or migrate result: the header and payload of the token, when either is given.</summary>
    protected static JsonObject? Parts(JsonObject? header, JsonObject? payload) =>
        header is null && payload is null ? null : new JsonObject { ["header"] = header?.DeepClone(), ["payload"] = payload?.DeepClone() };
}

/// <summary>A verify case: tokens verified in order by one verifier whose replay cache and store carry over.</summary>
public sealed class VerifyCase(string id, string description, KeyRing keys) : CaseBuilder<VerifyCase>(id, description, "verify")
{
    private readonly List<(Token Token, ExpectedResult Expected, bool? WithPayload)> _tokens = [];
    private readonly List<JsonObject> _store = [];
    private List<JsonObject> _keys = [KeyRing.Public(keys.AgentA)];
    private long _now = Fixtures.Now;

    public VerifyCase Now(long now)
    {
        _now = now;
        return this;
    }

    /// <summary>Replaces the verifier's key set (default: agent-a's public key).</summary>
    public VerifyCase Keys(params JsonObject[] jwks)
    {
        _keys = [.. jwks];
        return this;
    }

    /// <summary>Payloads accepted before the first token (the ECT store).</summary>
    public VerifyCase Store(params JsonObject[] payloads)
    {
        _store.AddRange(payloads);
        return this;
    }

    /// <summary>The next token and what the verifier must answer. An accepting answer must return the token's payload, unless the token is read through migration (a -00 token in mode 01), whose returned form the profile leaves open.</summary>
    public VerifyCase Expect(Token token, ExpectedResult expected, bool? withPayload = null)
    {
        _tokens.Add((token, expected, withPayload));
        return this;
    }

    public VerifyCase Accept(Token token) => Expect(token, ExpectedResult.Valid);

    public VerifyCase Reject(Token token, params string[] codes) => Expect(token, ExpectedResult.Invalid(codes));

    public VerifyCase Allow(Token token, params string[] codes) => Expect(token, ExpectedResult.Acceptable(codes));

    protected override (JsonObject, IReadOnlyList<ExpectedResult>, Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>) BuildBody()
    {
        var options = new JsonObject { ["verifier_id"] = Fixtures.Verifier };
        foreach (var (name, value) in Options)
        {
            options[name] = value?.DeepClone();
        }

        var input = new JsonObject
        {
            ["now"] = _now,
            ["options"] = options,
            ["keys"] = Array(_keys),
            ["store"] = Array(_store),
            ["tokens"] = Array(_tokens.Select(t => (JsonNode?)t.Token.Text)),
        };
        var migrated = DraftList.Contains("01");
        var results = _tokens.Select(t =>
        {
            var withPayload = t.WithPayload ?? !(t.Token.LegacyTyp && migrated);
            var output = withPayload && t.Token.Payload is not null ? new JsonObject { ["payload"] = t.Token.Payload.DeepClone() } : null;
            return t.Expected.WithOutputs(output);
        }).ToArray();
        var notes = new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>> { ["tokens"] = _tokens.Select(t => t.Token.Notes).ToList() };
        return (input, results, notes);
    }
}

/// <summary>A dag case: DAG validation of one payload against a store, no signatures.</summary>
public sealed class DagCase(string id, string description) : CaseBuilder<DagCase>(id, description, "dag")
{
    private readonly List<JsonObject> _store = [];
    private JsonObject? _payload;
    private ExpectedResult _expected = ExpectedResult.Valid;

    public DagCase Store(params JsonObject[] payloads)
    {
        _store.AddRange(payloads);
        return this;
    }

    public DagCase Task(JsonObject payload, ExpectedResult expected)
    {
        _payload = payload;
        _expected = expected;
        return this;
    }

    protected override (JsonObject, IReadOnlyList<ExpectedResult>, Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>) BuildBody()
    {
        var input = new JsonObject();
        if (Options.Count > 0)
        {
            input["options"] = Options.DeepClone();
        }

        input["store"] = Array(_store);
        input["payload"] = _payload?.DeepClone() ?? throw new InvalidOperationException("a dag case needs a payload");
        return (input, [_expected], []);
    }
}

/// <summary>A create case: build and sign a token from a payload with a private key.</summary>
public sealed class CreateCase(string id, string description, KeyRing keys) : CaseBuilder<CreateCase>(id, description, "create")
{
    private JsonObject _key = KeyRing.Private(keys.AgentA);
    private JsonObject? _payload;
    private ExpectedResult _expected = ExpectedResult.Valid;

    public CreateCase Key(JsonObject jwk)
    {
        _key = jwk;
        return this;
    }

    public CreateCase Payload(JsonObject payload)
    {
        _payload = payload;
        return this;
    }

    /// <summary>The expected verdict and, when it may accept, the header and payload the created token must carry.</summary>
    public CreateCase Expect(ExpectedResult expected, JsonObject? header = null, JsonObject? payload = null)
    {
        _expected = expected.WithOutputs(Parts(header, payload));
        return this;
    }

    protected override (JsonObject, IReadOnlyList<ExpectedResult>, Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>) BuildBody()
    {
        var input = new JsonObject { ["now"] = Fixtures.Now };
        if (Options.Count > 0)
        {
            input["options"] = Options.DeepClone();
        }

        input["key"] = _key.DeepClone();
        input["payload"] = _payload?.DeepClone() ?? throw new InvalidOperationException("a create case needs a payload");
        return (input, [_expected], []);
    }
}

/// <summary>A migrate case: a -00 header and payload in, the -01 parts or migration_conflict out.</summary>
public sealed class MigrateCase(string id, string description) : CaseBuilder<MigrateCase>(id, description, "migrate")
{
    private JsonObject _header = new() { ["alg"] = "ES256", ["typ"] = "wimse-exec+jwt", ["kid"] = "agent-a" };
    private JsonObject? _payload;
    private ExpectedResult _expected = ExpectedResult.Valid;

    public MigrateCase Header(JsonObject header)
    {
        _header = header;
        return this;
    }

    public MigrateCase Payload(JsonObject payload)
    {
        _payload = payload;
        return this;
    }

    /// <summary>The expected verdict and, when it may accept, the -01 header and payload migration must give.</summary>
    public MigrateCase Expect(ExpectedResult expected, JsonObject? header = null, JsonObject? payload = null)
    {
        _expected = expected.WithOutputs(Parts(header, payload));
        return this;
    }

    protected override (JsonObject, IReadOnlyList<ExpectedResult>, Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>) BuildBody() =>
        (new JsonObject { ["header"] = _header.DeepClone(), ["payload"] = _payload?.DeepClone() }, [_expected], []);
}

/// <summary>An http-header case: Execution-Context field values in, the tokens in order out.</summary>
public sealed class HttpCase(string id, string description) : CaseBuilder<HttpCase>(id, description, "http-header")
{
    private readonly List<string> _fields = [];
    private ExpectedResult _expected = ExpectedResult.Valid;

    public HttpCase Fields(params string[] values)
    {
        _fields.AddRange(values);
        return this;
    }

    public HttpCase Expect(ExpectedResult expected, params string[] tokens)
    {
        _expected = expected.WithOutputs(new JsonObject { ["tokens"] = new JsonArray(tokens.Select(t => (JsonNode?)t).ToArray()) });
        return this;
    }

    protected override (JsonObject, IReadOnlyList<ExpectedResult>, Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>) BuildBody() =>
        (new JsonObject { ["field_values"] = Array(_fields.Select(f => (JsonNode?)f)) }, [_expected], []);
}
