using Ect.Conformance.Cases;

namespace Ect.Conformance.Cli;

/// <summary>
/// The vector corpus compiled into the tool (<c>vectors/dist/ect-vectors.json</c> as an embedded
/// resource), so that the single-file binary and the .NET tool judge an implementation from any
/// directory without a checkout. <c>--vectors</c> overrides it.
/// </summary>
internal static class BuiltInCorpus
{
    public const string ResourceName = "ect-vectors.json";

    /// <summary>How reports name the built-in corpus in place of a path.</summary>
    public const string DisplayName = "(built-in corpus)";

    private static readonly Lazy<VectorSuite> Suite = new(Read, LazyThreadSafetyMode.ExecutionAndPublication);

    public static VectorSuite Load() => Suite.Value;

    private static VectorSuite Read()
    {
        using var stream = typeof(BuiltInCorpus).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the tool was built without its corpus (resource {ResourceName})");
        using var reader = new StreamReader(stream);
        return VectorSuite.LoadBundle(reader.ReadToEnd(), DisplayName);
    }
}
