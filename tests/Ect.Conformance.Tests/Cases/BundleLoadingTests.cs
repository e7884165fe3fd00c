using Ect.Conformance.Cases;

namespace Ect.Conformance.Tests.Cases;

/// <summary>A bundle passed with --vectors is a file anyone could hand over: every bad one is a FormatException naming the file, never another exception.</summary>
public class BundleLoadingTests
{
    [TestCase("not json at all", "not a vector bundle", TestName = "Not JSON")]
    [TestCase("[1,2]", "a bundle is a JSON object", TestName = "Not an object")]
    [TestCase("""{"schema_version":2,"suite_version":"1.0.0","cases":[]}""", "schema_version must be 1", TestName = "Another schema")]
    [TestCase("""{"schema_version":1,"suite_version":"","cases":[]}""", "suite_version", TestName = "Empty version")]
    [TestCase("""{"schema_version":1,"suite_version":"1.0.0","cases":{}}""", "cases must be an array", TestName = "Cases not an array")]
    [TestCase("""{"schema_version":1,"suite_version":"1.0.0","cases":[7]}""", "case 0 is not an object", TestName = "Case not an object")]
    [TestCase("""{"schema_version":1,"suite_version":"1.0.0","number_of_cases":0,"content_hash":"sha-256:00","cases":[]}""", "content_hash", TestName = "Wrong hash")]
    [TestCase("""{"schema_version":1,"suite_version":"1.0.0","number_of_cases":3,"cases":[]}""", "number_of_cases", TestName = "Wrong count")]
    [TestCase("""{"schema_version":1,"suite_version":"1.0.0","notes":[],"number_of_cases":0,"cases":[]}""", "flag notes", TestName = "Notes not a mapping")]
    public void BadBundlesAreFormatExceptionsNamingTheFile(string json, string message)
    {
        var e = Assert.Throws<FormatException>(() => VectorSuite.LoadBundle(json, "hostile.json"));
        Assert.That(e!.Message, Does.Contain("hostile.json").And.Contain(message));
    }

    [Test]
    public void NestingPastTheBoundIsRefusedWhileReading()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);
        var e = Assert.Throws<FormatException>(() => VectorSuite.LoadBundle($$"""{"schema_version":1,"cases":{{deep}}}""", "deep.json"));
        Assert.That(e!.Message, Does.Contain("deep.json"));
    }

    [Test]
    public void AFileLargerThanABundleMayBeIsRefusedUnread()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ect-bundle-{Guid.NewGuid():N}.json");
        try
        {
            using (var file = File.Create(path))
            {
                file.SetLength(VectorSuite.MaxBundleBytes + 1);
            }

            var e = Assert.Throws<FormatException>(() => VectorSuite.LoadPath(path));
            Assert.That(e!.Message, Does.Contain("more than a bundle may hold"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
