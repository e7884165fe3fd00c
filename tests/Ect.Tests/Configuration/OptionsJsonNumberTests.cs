using System.Text.Json.Nodes;
using Ect.Configuration;

namespace Ect.Tests.Configuration;

/// <summary>Option values follow the claims' rule for numbers: an integral value in any spelling is that integer, decided from the text.</summary>
public class OptionsJsonNumberTests
{
    private static JsonObject Options(string member) => JsonNode.Parse($"{{\"verifier_id\":\"v\",{member}}}")!.AsObject();

    [TestCase("5")]
    [TestCase("5.0")]
    [TestCase("0.5e1")]
    [TestCase("500e-2")]
    public void IntegralSpellingsAreRead(string value) =>
        Assert.That(OptionsJson.ReadVerifierOptions(Options($"\"exp_leeway\":{value}")).ExpLeewaySeconds, Is.EqualTo(5));

    [TestCase("5.5")]
    [TestCase("1e400")]
    [TestCase("-1")]
    [TestCase("2147483648")]
    public void OtherNumbersAreRefused(string value) =>
        Assert.Throws<FormatException>(() => OptionsJson.ReadVerifierOptions(Options($"\"exp_leeway\":{value}")));

    [Test]
    public void ValuesBuiltInCodeAreStillRead()
    {
        Assert.That(OptionsJson.TryGetInteger(JsonValue.Create(7L), out var fromLong) && fromLong == 7, Is.True);
        Assert.That(OptionsJson.TryGetInteger(JsonValue.Create(7), out var fromInt) && fromInt == 7, Is.True);
    }

    [Test]
    public void ParsedIntegerPastALongIsNoInteger() =>
        Assert.That(OptionsJson.TryGetInteger(JsonNode.Parse("9223372036854775808")!.AsValue(), out _), Is.False);
}
