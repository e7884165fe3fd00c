using System.Text.Json;
using Ect.Keys;

namespace Ect.Tests.Keys;

/// <summary>JsonWebKey.Parse and FromJson fail only with the documented FormatException (issue 11), and read use, key_ops and alg (SIG-5).</summary>
public class JsonWebKeyTests
{
    [TestCase("", TestName = "Empty")]
    [TestCase("{", TestName = "Truncated")]
    [TestCase("[]", TestName = "Array")]
    [TestCase("""{"kty":"EC","kty":"RSA"}""", TestName = "DuplicateMember")]
    [TestCase("""{"kty":"EC","\ud800":"x"}""", TestName = "LoneSurrogateMemberName")]
    [TestCase("""{"kty":"EC","kid":"\udc00"}""", TestName = "LoneSurrogateKid")]
    [TestCase("""{"kty":"EC","key_ops":["\ud800"]}""", TestName = "LoneSurrogateKeyOp")]
    [TestCase("""{"kid":"a"}""", TestName = "NoKty")]
    public void ParseRefusesWithFormatException(string json) =>
        Assert.Throws<FormatException>(() => JsonWebKey.Parse(json));

    [Test]
    public void FromJsonRefusesALoneSurrogateWithFormatException()
    {
        using var document = JsonDocument.Parse("""{"kty":"EC","crv":"\ud800"}""");

        Assert.Throws<FormatException>(() => JsonWebKey.FromJson(document.RootElement));
    }

    [Test]
    public void UseKeyOpsAndAlgAreReadAndRoundTrip()
    {
        var key = JsonWebKey.Parse("""{"kty":"EC","kid":"a","use":"sig","key_ops":["verify"],"alg":"ES256"}""");

        Assert.That((key.Use, key.Alg, key.Defect), Is.EqualTo(("sig", "ES256", (string?)null)));
        Assert.That(key.KeyOps, Is.EqualTo(new[] { "verify" }));
        Assert.That(JsonWebKey.Parse(key.ToJson()).KeyOps, Is.EqualTo(new[] { "verify" }));
    }

    [TestCase("""{"kty":"EC","use":1}""", "use must be a string")]
    [TestCase("""{"kty":"EC","alg":null}""", "alg must be a string")]
    [TestCase("""{"kty":"EC","key_ops":"verify"}""", "key_ops must be an array of strings")]
    [TestCase("""{"kty":"EC","key_ops":["verify",1]}""", "key_ops must be an array of strings")]
    public void WrongTypesAreADefectNotAnException(string json, string defect)
    {
        var key = JsonWebKey.Parse(json);

        Assert.That(key.Defect, Does.StartWith(defect));
        Assert.That(JsonWebKey.Parse(key.ToJson()).Defect, Is.EqualTo(key.Defect), "written back, the key must stay unusable");
    }
}
