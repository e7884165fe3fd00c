using System.Diagnostics;
using Ect.Fuzz;
using Ect.Fuzz.Seeds;

// Commands (fuzz/run.sh drives them):
//   list                          target names, one per line
//   info TARGET                   "assemblies: ..." and "dictionaries: ..." lines for run.sh
//   fuzz TARGET                   the afl-fuzz child: SharpFuzz out-of-process loop
//   repro TARGET FILE...          runs inputs outside AFL; exit 1 when any of them is a finding
//   seed OUTDIR [VECTORS_DIR]     writes OUTDIR/TARGET/* seeds, from hand-built inputs and the vector corpus
return args switch
{
    ["list"] => List(),
    ["info", var name] => WithTarget(name, Info),
    ["fuzz", var name] => WithTarget(name, t => { SharpFuzz.Fuzzer.OutOfProcess.Run(stream => t.Run(ReadAll(stream))); return 0; }),
    ["repro", var name, .. var files] when files.Length > 0 => WithTarget(name, t => Repro(t, files)),
    ["seed", var outDir] => Seed(outDir, null),
    ["seed", var outDir, var vectors] => Seed(outDir, vectors),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Ect.Fuzz list | info TARGET | fuzz TARGET | repro TARGET FILE... | seed OUTDIR [VECTORS_DIR]");
    return 2;
}

static int List()
{
    foreach (var target in FuzzTargets.All)
    {
        Console.WriteLine(target.Name);
    }

    return 0;
}

static int WithTarget(string name, Func<IFuzzTarget, int> action)
{
    var target = FuzzTargets.Find(name);
    if (target is null)
    {
        Console.Error.WriteLine($"unknown target \"{name}\"; targets: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))}");
        return 2;
    }

    return action(target);
}

static int Info(IFuzzTarget target)
{
    Console.WriteLine("assemblies: " + string.Join(' ', target.InstrumentedAssemblies));
    Console.WriteLine("dictionaries: " + string.Join(' ', target.Dictionaries));
    Console.WriteLine("description: " + target.Description);
    return 0;
}

static byte[] ReadAll(Stream stream)
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    return buffer.ToArray();
}

static int Repro(IFuzzTarget target, string[] files)
{
    var failures = 0;
    foreach (var file in files)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            target.Run(File.ReadAllBytes(file));
            Console.WriteLine($"ok     {file} ({watch.ElapsedMilliseconds} ms)");
        }
        catch (Exception e)
        {
            failures++;
            Console.WriteLine($"FAILED {file} ({watch.ElapsedMilliseconds} ms)");
            Console.WriteLine(e);
        }
    }

    return failures == 0 ? 0 : 1;
}

static int Seed(string outDir, string? vectors)
{
    var source = SeedSource.Load(vectors, Console.Error);
    Console.Error.WriteLine($"seed: {source.Cases.Count} vector case(s), {source.YamlFiles.Count} YAML file(s)");
    foreach (var target in FuzzTargets.All)
    {
        var dir = Path.Combine(outDir, target.Name);
        Directory.CreateDirectory(dir);
        var seeds = SeedSelection.Select(target.Seeds(source));
        foreach (var seed in seeds)
        {
            File.WriteAllBytes(Path.Combine(dir, seed.FileName), seed.Data);
        }

        Console.Error.WriteLine($"seed: {target.Name}: {seeds.Count} input(s)");
    }

    return 0;
}
