using System.Text.Json.Nodes;
using Ect.Configuration;

namespace Ect.Tests.Configuration;

/// <summary>
/// Options read from JSON text: a mistyped member is a <see cref="FormatException"/>, and a string
/// holding a lone surrogate escape is no string. Found by the DAG fuzz target
/// (fuzz/regressions/dag): reading it threw <see cref="InvalidOperationException"/>.
/// </summary>
public class OptionsJsonUnicodeTests
{
    [TestCase("{\"verifier_id\":\"\\ud800\"}")]
    [TestCase("{\"verifier_id\":\"v\",\"allowed_algs\":[\"ES256\",\"\\udc00\"]}")]
    public void LoneSurrogateIsAFormatException(string json)
    {
        var options = JsonNode.Parse(json)!.AsObject();

        Assert.Throws<FormatException>(() => OptionsJson.ReadVerifierOptions(options));
    }
}
