using Ect.Conformance.Cases;

namespace Ect.Conformance.Tests.Support;

/// <summary>Paths of the fixture files copied beside the test assembly, and the suites they hold.</summary>
internal static class TestFixtures
{
    public static string Root => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures");

    /// <summary>The hand-written fixture vectors (every operation, both modes): every run passes on the reference.</summary>
    public static string VectorsDir => Path.Combine(Root, "vectors");

    /// <summary>Four DAG cases; the fixture harnesses misbehave on the second.</summary>
    public static string RobustnessDir => Path.Combine(Root, "robustness");

    public static string SchemasDir => Path.Combine(TestContext.CurrentContext.TestDirectory, "Schemas");

    public static VectorSuite Vectors() => VectorSuite.Load(VectorsDir);

    public static VectorSuite Robustness() => VectorSuite.Load(RobustnessDir);

    /// <summary>The command line of a fixture harness script; -B keeps Python from writing bytecode beside it.</summary>
    public static string Harness(string script) => $"{Python} -B '{Path.Combine(Root, "harnesses", script)}'";

    /// <summary>The fixture harnesses need only the standard library: Debian's interpreter when there is one, else any on PATH.</summary>
    private static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>The command line of this build's <c>ect-conformance harness</c>, found beside the test assembly.</summary>
    public static string CliHarness => $"dotnet '{Path.Combine(TestContext.CurrentContext.TestDirectory, "ect-conformance.dll")}' harness";
}
