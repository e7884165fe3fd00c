using Ect.Errors;

namespace Ect.Tests.Errors;

/// <summary>The engine's error codes are the profile's, in the profile's order, and their wire names read back.</summary>
public sealed class ErrorCodeTests
{
    [Test]
    public void EveryCodeIsTheProfilesInItsOrder() =>
        Assert.That(EctErrorCodes.All.Select(code => code.ToWireName()), Is.EqualTo(ProfileCodes()));

    [Test]
    public void EveryWireNameReadsBackAsItsCode()
    {
        foreach (var code in EctErrorCodes.All)
        {
            Assert.That(EctErrorCodes.TryParse(code.ToWireName(), out var parsed), Is.True, code.ToWireName());
            Assert.That(parsed, Is.EqualTo(code));
        }
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("none")]
    [TestCase("unknown")]
    [TestCase("Malformed")]
    [TestCase("dag_cycle ")]
    public void ANameOutsideTheProfileIsNoCode(string? name)
    {
        Assert.That(EctErrorCodes.TryParse(name, out var code), Is.False);
        Assert.That(code, Is.EqualTo(EctErrorCode.None));
    }

    /// <summary>The first column of the error code table in docs/profile.md (section 3).</summary>
    private static List<string> ProfileCodes()
    {
        var lines = File.ReadAllLines(ProfilePath());
        var header = Array.IndexOf(lines, "| code | meaning |");
        Assert.That(header, Is.GreaterThan(0), "docs/profile.md has no error code table");
        return lines.Skip(header + 2).TakeWhile(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line[3..line.IndexOf('`', 3)]).ToList();
    }

    private static string ProfilePath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, "docs", "profile.md");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("docs/profile.md not found above " + AppContext.BaseDirectory);
    }
}
