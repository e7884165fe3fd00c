using Ect.Configuration;

namespace Ect.Tests.Configuration;

public class ConfigurationTests
{
    private static EctConfiguration From(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return EctConfiguration.FromEnvironment(name => map.GetValueOrDefault(name));
    }

    [Test]
    public void DefaultsComeFromTheProfile()
    {
        var config = From();
        Assert.Multiple(() =>
        {
            Assert.That(config.IatMaxAgeSeconds, Is.EqualTo(900));
            Assert.That(config.IatMaxFutureSeconds, Is.EqualTo(30));
            Assert.That(config.DefaultExpirySeconds, Is.EqualTo(600));
            Assert.That(config.ToVerifierOptions("v").ReplayCheck, Is.True);
        });
    }

    [Test]
    public void VariablesUseTheirUnits()
    {
        var config = From(
            ("ECT_IAT_MAX_AGE_MINUTES", "20"),
            ("ECT_IAT_MAX_FUTURE_SEC", "5"),
            ("ECT_DEFAULT_EXPIRY_MIN", "2"),
            ("ECT_JTI_REPLAY_CACHE_SIZE", "500"),
            ("ECT_JTI_REPLAY_TTL_MIN", "3"));
        Assert.Multiple(() =>
        {
            Assert.That(config.IatMaxAgeSeconds, Is.EqualTo(1200));
            Assert.That(config.IatMaxFutureSeconds, Is.EqualTo(5));
            Assert.That(config.DefaultExpirySeconds, Is.EqualTo(120));
            Assert.That(config.ReplayCacheSize, Is.EqualTo(500));
            Assert.That(config.ReplayTtlSeconds, Is.EqualTo(180));
            Assert.That(config.ToVerifierOptions("v").IatMaxAgeSeconds, Is.EqualTo(1200));
            Assert.That(config.ToCreateOptions().DefaultExpirySeconds, Is.EqualTo(120));
            Assert.That(config.CreateReplayCache()!.Capacity, Is.EqualTo(500));
        });
    }

    [Test]
    public void ZeroCacheSizeTurnsTheReplayCheckOff()
    {
        var config = From(("ECT_JTI_REPLAY_CACHE_SIZE", "0"));
        Assert.That(config.ToVerifierOptions("v").ReplayCheck, Is.False);
        Assert.That(config.CreateReplayCache(), Is.Null);
    }

    [TestCase("ECT_IAT_MAX_AGE_MINUTES", "-1")]
    [TestCase("ECT_IAT_MAX_AGE_MINUTES", "")]
    [TestCase("ECT_IAT_MAX_FUTURE_SEC", "ten")]
    [TestCase("ECT_DEFAULT_EXPIRY_MIN", "1.5")]
    [TestCase("ECT_JTI_REPLAY_CACHE_SIZE", "99999999999")]
    [TestCase("ECT_JTI_REPLAY_TTL_MIN", " 5")]
    [TestCase("ECT_IAT_MAX_AGE_MINUTES", "99999999999999999999")]
    public void BadValueIsAnErrorNamingTheVariable(string variable, string value)
    {
        var error = Assert.Throws<EctConfigurationException>(() => From((variable, value)));
        Assert.That(error!.Variable, Is.EqualTo(variable));
        Assert.That(error.Message, Does.Contain(variable));
    }
}
