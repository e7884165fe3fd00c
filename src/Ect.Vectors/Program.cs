using Ect.Vectors;
using Ect.Conformance.Judging;
using Ect.Vectors.Generation;

// dotnet run --project src/Ect.Vectors -- generate | check [--root DIR]
var command = args.Length > 0 ? args[0] : "";
string? root = null;
for (var i = 1; i < args.Length - 1; i++)
{
    if (args[i] == "--root")
    {
        root = args[i + 1];
    }
}

if (command == "selftest")
{
    var suite = Ect.Conformance.Cases.VectorSuite.Load(Path.Combine(Repo.FindRoot(root), "vectors"));
    var failures = SelfTest.Failures(suite);
    foreach (var (run, judgement) in failures)
    {
        Console.WriteLine($"{run.Key}: {judgement.Outcome.ToWireName()}: {judgement.Detail}");
    }

    Console.WriteLine($"{suite.Runs().Count() - failures.Count} of {suite.Runs().Count()} runs pass on the reference engine");
    return failures.Count == 0 ? 0 : 1;
}

if (command is not ("generate" or "check"))
{
    Console.Error.WriteLine("usage: Ect.Vectors generate|check|selftest [--root DIR]");
    Console.Error.WriteLine("  generate  writes vectors/*.yaml, vectors/rules.yaml, vectors/notes.yaml, vectors/dist/ect-vectors.json and docs/coverage.md");
    Console.Error.WriteLine("  check     regenerates in memory; exit 1 naming every file that differs from the committed one");
    Console.Error.WriteLine("  selftest  runs every committed case on the in-process reference engine; exit 1 naming every run that does not pass");
    return 2;
}

root = Repo.FindRoot(root);
var files = Corpus.Generate(root);
if (command == "generate")
{
    foreach (var (path, content) in files)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllTextAsync(full, content);
    }

    Console.WriteLine($"wrote {files.Count} files ({Corpus.Summary(files)})");
    return 0;
}

var differing = Corpus.Differences(root, files);
foreach (var path in differing)
{
    Console.Error.WriteLine($"differs from the generator's output: {path}");
}

Console.WriteLine(differing.Count == 0 ? $"all {files.Count} generated files are up to date" : $"{differing.Count} file(s) differ; run: dotnet run --project src/Ect.Vectors -- generate");
return differing.Count == 0 ? 0 : 1;
