using System.Text.Json.Nodes;
using Ect.Conformance.Cases;

namespace Ect.Conformance.Cli;

/// <summary>
/// <c>--implementations FILE</c>: the implementations one run judges side by side (schema
/// <c>docs/schemas/implementations.schema.json</c>). Paths in it are relative to the file.
/// </summary>
/// <example>
/// <code>
/// implementations:
///   - name: reference
///     command: reference
///   - name: python-example
///     command: /usr/bin/python3 harnesses/python/harness.py
///     expectations: harnesses/python/expectations.yaml
///     homepage: https://example.org/ect-py
/// </code>
/// </example>
internal static class ImplementationsFile
{
    private static readonly HashSet<string> Members = ["name", "command", "expectations", "homepage"];

    public static IReadOnlyList<ImplementationSpec> Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read the implementations file {path}: {e.Message}", e);
        }

        try
        {
            return Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
        }
        catch (FormatException e)
        {
            throw new UsageException($"the implementations file {e.Message}", e);
        }
    }

    public static IReadOnlyList<ImplementationSpec> Parse(string yaml, string source, string baseDirectory)
    {
        if (YamlJson.Parse(yaml, source) is not JsonObject root || root["implementations"] is not JsonArray list || list.Count == 0)
        {
            throw new FormatException($"{source}: a mapping with a non-empty list \"implementations\"");
        }

        var specs = new List<ImplementationSpec>();
        foreach (var (node, index) in list.Select((n, i) => (n, i)))
        {
            if (node is not JsonObject entry)
            {
                throw new FormatException($"{source}: implementation {index + 1} is not a mapping");
            }

            if (entry.Select(p => p.Key).FirstOrDefault(k => !Members.Contains(k)) is { } unknown)
            {
                throw new FormatException($"{source}: implementation {index + 1}: unknown member \"{unknown}\" (members: {string.Join(", ", Members)})");
            }

            var name = Text(entry, "name", source, index) ?? throw new FormatException($"{source}: implementation {index + 1} has no name");
            var command = Text(entry, "command", source, index) ?? throw new FormatException($"{source}: implementation {name} has no command");
            var expectations = Text(entry, "expectations", source, index);
            specs.Add(new ImplementationSpec
            {
                Name = name,
                Command = command == ImplementationSpec.Reference ? null : command,
                ExpectationsPath = expectations is null ? null : Path.GetFullPath(Path.Combine(baseDirectory, expectations)),
                Homepage = Text(entry, "homepage", source, index),
            });
        }

        if (specs.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new FormatException($"{source}: the name {twice.Key} is used twice");
        }

        return specs;
    }

    private static string? Text(JsonObject entry, string member, string source, int index) =>
        entry[member] switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) && s.Trim().Length > 0 => s,
            _ => throw new FormatException($"{source}: implementation {index + 1}: {member} must be a non-empty string"),
        };
}
