namespace Ect.Mutation.Tests;

/// <summary>The repository's committed <c>vectors/</c> folder, found by walking up to the folder that holds Ect.Conformance.sln.</summary>
internal static class VectorsFolder
{
    private static readonly Lazy<string> LazyPath = new(Find);

    public static string Path => LazyPath.Value;

    /// <summary>The corpus as one file, <c>vectors/dist/ect-vectors.json</c>.</summary>
    public static string Bundle => System.IO.Path.Combine(Path, "dist", "ect-vectors.json");

    /// <summary>
    /// The test directory first, then the source folder of this file: Stryker builds and runs the tests
    /// from the repository, but a build with --artifacts-path puts the output outside it.
    /// </summary>
    private static string Find() => Find(TestContext.CurrentContext.TestDirectory, AppContext.BaseDirectory, SourceDirectory());

    private static string Find(params string[] starts)
    {
        foreach (var start in starts.Where(s => s.Length > 0))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Ect.Conformance.sln")))
                {
                    return System.IO.Path.Combine(dir.FullName, "vectors");
                }
            }
        }

        throw new DirectoryNotFoundException("no folder above the test directory holds Ect.Conformance.sln");
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "") =>
        System.IO.Path.GetDirectoryName(sourceFile) ?? "";
}
