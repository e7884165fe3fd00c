namespace Ect.Vectors.Building;

/// <summary>
/// One vector file: a topic's cases, defined in <see cref="Define"/> with the builders below.
/// Case ids are <c>topic::group::name</c>; the topic prefix is added here.
/// </summary>
public abstract class Topic
{
    private readonly List<Func<CommentedCase>> _cases = [];

    protected Topic(KeyRing keys) => Keys = keys;

    /// <summary>The file name without <c>.yaml</c>, and the first segment of every id.</summary>
    public abstract string Name { get; }

    protected KeyRing Keys { get; }

    /// <summary>A token in the -01 vocabulary (exec+jwt, pred, ect_ext).</summary>
    protected TokenBuilder T01 => TokenBuilder.For(Vocab.V01, Keys);

    /// <summary>A token in the -00 vocabulary (wimse-exec+jwt, par, ext).</summary>
    protected TokenBuilder T00 => TokenBuilder.For(Vocab.V00, Keys);

    protected TokenBuilder T(Vocab vocab) => TokenBuilder.For(vocab, Keys);

    protected static PayloadBuilder P(Vocab vocab) => PayloadBuilder.For(vocab);

    public IReadOnlyList<CommentedCase> Build()
    {
        _cases.Clear();
        Define();
        return _cases.Select(c => c()).ToList();
    }

    protected abstract void Define();

    protected VerifyCase Verify(string name, string description) => Register(new VerifyCase(Id(name), description, Keys), b => b.Build());

    protected DagCase Dag(string name, string description) => Register(new DagCase(Id(name), description), b => b.Build());

    protected CreateCase Create(string name, string description) => Register(new CreateCase(Id(name), description, Keys), b => b.Build());

    protected MigrateCase Migrate(string name, string description) => Register(new MigrateCase(Id(name), description), b => b.Build());

    protected HttpCase Http(string name, string description) => Register(new HttpCase(Id(name), description), b => b.Build()).Features("http-header");

    /// <summary>
    /// One check written once and run natively in each mode: <paramref name="name"/> holds the
    /// -01 token (mode 01), <c>name-00</c> the -00 token (mode 00). <paramref name="in00"/>
    /// defaults to <paramref name="in01"/>; null for either leaves that variant out.
    /// </summary>
    protected void Native(string name, string description, string[] rules, Func<TokenBuilder, TokenBuilder> token,
        ExpectedResult? in01, ExpectedResult? in00 = null, string[]? flags = null, Action<VerifyCase>? setup = null, bool same00 = true)
    {
        ArgumentNullException.ThrowIfNull(token);
        in00 ??= same00 ? in01 : null;
        if (in01 is not null)
        {
            var c = Verify(name, description).Rules(rules).Drafts("01").Flags(flags ?? []).Expect(token(T01).Build(), in01);
            setup?.Invoke(c);
        }

        if (in00 is not null)
        {
            var c = Verify(in01 is null ? name : name + "-00", in01 is null ? description : Form00(description))
                .Rules(rules).Drafts("00").Flags(flags ?? []).Expect(token(T00).Build(), in00);
            setup?.Invoke(c);
        }
    }

    /// <summary>The -01 variant only.</summary>
    protected void Only01(string name, string description, string[] rules, Func<TokenBuilder, TokenBuilder> token, ExpectedResult outcome,
        string[]? flags = null, Action<VerifyCase>? setup = null) =>
        Native(name, description, rules, token, outcome, null, flags, setup, same00: false);

    /// <summary>The -00 variant only (mode 00 rules such as CLM-9).</summary>
    protected void Only00(string name, string description, string[] rules, Func<TokenBuilder, TokenBuilder> token, ExpectedResult outcome,
        string[]? flags = null, Action<VerifyCase>? setup = null) =>
        Native(name, description, rules, token, null, outcome, flags, setup);

    protected static string[] R(params string[] rules) => rules;

    /// <summary>The description of a case's -00 variant: the same sentence, marked as the -00 form.</summary>
    protected static string Form00(string description) => description.TrimEnd('.') + " (-00 form).";

    /// <summary>A multi-token verify case written once for both vocabularies: <paramref name="name"/> in mode 01, <c>name-00</c> in mode 00.</summary>
    protected void Scenario(string name, string description, string[] rules, string[] flags, Action<VerifyCase, Vocab> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        foreach (var vocab in new[] { Vocab.V01, Vocab.V00 })
        {
            var c = Verify(vocab == Vocab.V01 ? name : name + "-00", vocab == Vocab.V01 ? description : Form00(description))
                .Rules(rules).Drafts(vocab.Mode()).Flags(flags);
            build(c, vocab);
        }
    }

    /// <summary>Input that is not built as a token at all (garbage, JSON serializations, header field text).</summary>
    protected static Token Raw(string text) =>
        new(text, Vocab.V01, null, ["raw input: " + (text.Length > 120 ? text[..120] + $"... ({System.Text.Encoding.UTF8.GetByteCount(text)} bytes)" : text)], false);

    private string Id(string name) => $"{Name}::{name}";

    private TBuilder Register<TBuilder>(TBuilder builder, Func<TBuilder, CommentedCase> build)
    {
        _cases.Add(() => build(builder));
        return builder;
    }
}
