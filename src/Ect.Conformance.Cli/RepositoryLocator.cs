namespace Ect.Conformance.Cli;

/// <summary>Finds the repository's <c>vectors/</c> folder when <c>--vectors</c> is not given.</summary>
public static class RepositoryLocator
{
    public const string SolutionFile = "Ect.Conformance.sln";

    /// <summary>
    /// Walks up from the current directory to the folder holding the solution, then from the
    /// executable's folder (a tool run from elsewhere, or tests running in an artifacts folder).
    /// </summary>
    public static string? FindVectors(string currentDirectory)
    {
        foreach (var start in new[] { currentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)) && Directory.Exists(Path.Combine(dir.FullName, "vectors")))
                {
                    return Path.Combine(dir.FullName, "vectors");
                }
            }
        }

        return null;
    }
}
