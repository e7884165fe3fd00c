using System.Text;
using Ect.Verification;

namespace Ect.Tests.Verification;

/// <summary>CLM-3: the integer a JSON number denotes, decided from its text and never through a double.</summary>
public class JsonIntegerTests
{
    private static JsonIntegerResult Read(string text, out long value, long limit = JsonInteger.SafeLimit) =>
        JsonInteger.Read(Encoding.ASCII.GetBytes(text), limit, out value);

    [TestCase("1767225600")]
    [TestCase("1767225600.0")]
    [TestCase("1.7672256e9")]
    [TestCase("1.7672256E+9")]
    [TestCase("17672256e2")]
    [TestCase("176722560000e-2")]
    [TestCase("1767225600000000000000e-12")]
    [TestCase("0.0000000001767225600e19")]
    public void IntegralSpellingsAreTheInteger(string text)
    {
        Assert.That(Read(text, out var value), Is.EqualTo(JsonIntegerResult.Whole));
        Assert.That(value, Is.EqualTo(1_767_225_600L));
    }

    [TestCase("0")]
    [TestCase("-0")]
    [TestCase("0.000e-7")]
    [TestCase("0e999999999999")]
    public void ZeroInAnySpellingIsZero(string text)
    {
        Assert.That(Read(text, out var value), Is.EqualTo(JsonIntegerResult.Whole));
        Assert.That(value, Is.Zero);
    }

    [TestCase("1767225600.5")]
    [TestCase("17672256005e-1")]
    [TestCase("0.1")]
    [TestCase("1e-999999999999")]
    public void FractionsAreFractions(string text) => Assert.That(Read(text, out _), Is.EqualTo(JsonIntegerResult.Fraction));

    [Test]
    public void SafeLimitIsTheLastIntegerAccepted()
    {
        Assert.That(Read("9007199254740991", out var max), Is.EqualTo(JsonIntegerResult.Whole));
        Assert.That(max, Is.EqualTo(9_007_199_254_740_991L));
        Assert.That(Read("-9007199254740991", out var min), Is.EqualTo(JsonIntegerResult.Whole));
        Assert.That(min, Is.EqualTo(-9_007_199_254_740_991L));
    }

    [TestCase("9007199254740992")]
    [TestCase("9007199254740993")]
    [TestCase("-9007199254740993")]
    [TestCase("9.007199254740993e15")]
    [TestCase("1e300")]
    [TestCase("1e999999999999999999999")]
    [TestCase("123456789012345678901234567890")]
    public void BeyondTheSafeLimitIsOutOfRange(string text) => Assert.That(Read(text, out _), Is.EqualTo(JsonIntegerResult.OutOfRange));

    [Test]
    public void TheLimitIsTheCallersChoice()
    {
        Assert.That(Read("9223372036854775807", out var max, long.MaxValue), Is.EqualTo(JsonIntegerResult.Whole));
        Assert.That(max, Is.EqualTo(long.MaxValue));
        Assert.That(Read("9223372036854775808", out _, long.MaxValue), Is.EqualTo(JsonIntegerResult.OutOfRange));
        Assert.That(Read("99999999999999999999", out _, long.MaxValue), Is.EqualTo(JsonIntegerResult.OutOfRange));
    }
}
