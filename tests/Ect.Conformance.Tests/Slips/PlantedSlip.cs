namespace Ect.Conformance.Tests.Slips;

/// <summary>One line of <c>tests/harness-slips/slips.txt</c>: a slip the slip harness can plant in the Python example implementation.</summary>
public sealed record PlantedSlip(string Name, string Operation, string Rule, string Description)
{
    /// <summary>Every slip of the table, in its order; a line without its four tab-separated fields is a broken table.</summary>
    public static IReadOnlyList<PlantedSlip> ReadTable(string path) =>
        File.ReadAllLines(path)
            .Where(line => line.Length > 0)
            .Select(line => line.Split('\t') is [var name, var operation, var rule, var description]
                ? new PlantedSlip(name, operation, rule, description)
                : throw new FormatException($"{path}: not NAME<TAB>OPERATION<TAB>RULE<TAB>DESCRIPTION: {line}"))
            .ToList();

    public override string ToString() => Name;
}
