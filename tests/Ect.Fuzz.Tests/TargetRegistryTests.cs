namespace Ect.Fuzz.Tests;

/// <summary>What fuzz/run.sh relies on: distinct target names, dictionaries that exist, assemblies that are published.</summary>
public class TargetRegistryTests
{
    [Test]
    public void TargetsAreFoundAndNamedOnce()
    {
        var names = FuzzTargets.All.Select(t => t.Name).ToList();

        Assert.That(names, Is.Unique);
        Assert.That(names, Is.SupersetOf(new[] { "parse", "verify-raw", "verify-signed", "dag", "http-header", "yaml", "reply", "harness-server", "create", "migrate", "jwk" }));
        Assert.That(names.All(n => n.All(c => char.IsAsciiLetterLower(c) || c == '-')), Is.True, "target names are lowercase words joined by -");
    }

    public static IEnumerable<IFuzzTarget> Targets() => FuzzTargets.All;

    [TestCaseSource(nameof(Targets))]
    public void DictionariesExistAndParse(IFuzzTarget target)
    {
        Assert.That(target.Dictionaries, Is.Not.Empty);
        foreach (var dictionary in target.Dictionaries)
        {
            var path = Path.Combine(FuzzFiles.Dictionaries, dictionary);
            Assert.That(File.Exists(path), Is.True, path);
            var entries = File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
            Assert.That(entries, Is.Not.Empty);
            Assert.That(entries, Has.All.Match(@"^[A-Za-z0-9_]+=""([^""\\]|\\x[0-9a-f]{2}|\\\\|\\"")*""$"), $"{dictionary}: afl dictionary syntax is name=\"value\"");
        }
    }

    [TestCaseSource(nameof(Targets))]
    public void InstrumentedAssembliesArePublishedWithTheTargets(IFuzzTarget target)
    {
        Assert.That(target.InstrumentedAssemblies, Is.Not.Empty);
        foreach (var assembly in target.InstrumentedAssemblies)
        {
            Assert.That(File.Exists(Path.Combine(AppContext.BaseDirectory, assembly)), Is.True, $"{assembly} is not next to the targets");
        }
    }
}
