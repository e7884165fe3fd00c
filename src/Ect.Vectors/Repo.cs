namespace Ect.Vectors;

/// <summary>Finds the repository: the nearest folder, upwards, that holds Ect.Conformance.sln.</summary>
public static class Repo
{
    public const string SolutionFile = "Ect.Conformance.sln";

    public static string FindRoot(string? start = null)
    {
        foreach (var origin in new[] { start, Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = origin is null ? null : new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException($"no folder above the current one holds {SolutionFile}");
    }
}
