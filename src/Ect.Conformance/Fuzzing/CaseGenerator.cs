using System.Globalization;
using System.Text.Json.Nodes;
using Ect.Conformance.Cases;

namespace Ect.Conformance.Fuzzing;

/// <summary>
/// Draws one case from a seeded <see cref="Random"/>. Distribution over operations (among those
/// allowed): verify 55 % (one token 35 %, several 20 %), dag 25 %, create 8 %, migrate 6 %,
/// http-header 6 %; the mode uniformly among those allowed (migrate is always mode 01). Each
/// operation's own generator documents the rest; <c>docs/fuzzing.md</c> gathers them.
/// </summary>
internal sealed class CaseGenerator(IReadOnlyList<string> operations, IReadOnlyList<string> drafts)
{
    private static readonly (string Operation, int Weight)[] Weights =
        [(CaseOperation.Verify, 55), (CaseOperation.Dag, 25), (CaseOperation.Create, 8), (CaseOperation.Migrate, 6), (CaseOperation.HttpHeader, 6)];

    public IReadOnlyList<string> Operations { get; } = operations.Count == 0 ? CaseOperation.All : operations;

    public IReadOnlyList<string> Drafts { get; } = drafts.Count == 0 ? ["00", "01"] : drafts;

    /// <summary>True when some allowed operation can run in some allowed mode.</summary>
    public bool CanGenerate => Operations.Any(o => o != CaseOperation.Migrate || Drafts.Contains("01"));

    public FuzzCase Generate(Random random, string id)
    {
        ArgumentNullException.ThrowIfNull(random);
        var usable = Weights.Where(w => Operations.Contains(w.Operation) && (w.Operation != CaseOperation.Migrate || Drafts.Contains("01"))).ToList();
        var roll = random.Next(usable.Sum(w => w.Weight));
        var operation = usable[^1].Operation;
        foreach (var (candidate, weight) in usable)
        {
            if (roll < weight)
            {
                operation = candidate;
                break;
            }

            roll -= weight;
        }

        var draft = operation == CaseOperation.Migrate ? "01" : random.Pick(Drafts);
        var mode = draft == "00" ? EctDraft.Draft00 : EctDraft.Draft01;
        var (recipe, what) = operation switch
        {
            CaseOperation.Verify => VerifyGenerator.Generate(random, mode),
            CaseOperation.Dag => DagGenerator.Generate(random, mode),
            CaseOperation.Create => CreateGenerator.Generate(random, mode),
            CaseOperation.Migrate => MigrateGenerator.Generate(random),
            _ => HttpHeaderGenerator.Generate(random, mode),
        };
        return new FuzzCase
        {
            Id = id,
            Operation = operation,
            Draft = draft,
            Recipe = recipe,
            What = what,
            Features = operation == CaseOperation.HttpHeader ? ["http-header"] : [],
        };
    }

    /// <summary>The id of the case drawn <paramref name="index"/>-th under <paramref name="seed"/>.</summary>
    public static string CaseId(string operation, ulong seed, long index) =>
        string.Create(CultureInfo.InvariantCulture, $"fuzz::{operation}::{seed}-{index}");
}
