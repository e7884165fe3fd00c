using System.Text.Json.Nodes;
using Ect.Creation;
using Ect.Errors;
using Ect.Tests.Support;

namespace Ect.Tests.Creation;

/// <summary>
/// CRT-3: creation refuses with a profile code; it never throws for a payload. Found by fuzzing
/// (fuzz/regressions/verify-signed): a string holding a lone surrogate cannot be written as UTF-8
/// JSON, and creation threw instead of refusing.
/// </summary>
public class CreateUnicodeTests
{
    [TestCase("note")]
    [TestCase("exec_act")]
    public void LoneSurrogateReadFromJsonTextIsRefusedAsMalformed(string claim)
    {
        // Read from JSON text the node keeps the escape, which the writer must decode; a string built in code is written with U+FFFD instead.
        var payload = Tokens.Payload(EctDraft.Draft01);
        payload[claim] = JsonNode.Parse("\"\\ud800\"");

        var result = EctCreator.Create(payload, TestKeys.AgentA, EctDraft.Draft01, new CreateOptions(), Tokens.Now);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Error!.Code, Is.EqualTo(EctErrorCode.Malformed), result.Error.ToString());
    }
}
