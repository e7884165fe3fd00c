using System.Text.Json.Nodes;

namespace Ect.Conformance.Fuzzing;

/// <summary>
/// Greedy delta reduction of a disagreeing case: try removing each array element (tokens, store
/// entries, predecessors, fields, members), then each object member (claims, header members,
/// options, a mutation), then halving each string, largest first; keep a reduction whenever the
/// case still shows the same <see cref="DisagreementKey"/>, and go round again until a whole pass
/// keeps nothing or the budget of asked cases is spent. Token recipes are signed again after each
/// reduction, so a smaller token still gets past the signature. Reductions the reference cannot run
/// (a removed <c>now</c>, say) are never asked of the implementation.
/// </summary>
internal static class Shrinker
{
    public sealed record Result(FuzzCase Case, Probe Probe, int Steps, int Tries);

    public static async Task<Result> ShrinkAsync(Probe start, Func<FuzzCase, CancellationToken, Task<Probe?>> ask, int budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(ask);
        var key = start.Key ?? throw new ArgumentException("only a disagreement is shrunk", nameof(start));
        var best = start;
        var steps = 0;
        var tries = 0;
        var progress = true;
        while (progress && tries < budget)
        {
            progress = false;
            foreach (var candidate in Candidates(best.Generated.Recipe))
            {
                if (tries >= budget)
                {
                    break;
                }

                cancellationToken.ThrowIfCancellationRequested();
                var smaller = best.Generated with { Recipe = candidate };
                if (Oracle.Ask(smaller) is null)
                {
                    continue;
                }

                tries++;
                var probe = await ask(smaller, cancellationToken).ConfigureAwait(false);
                if (probe?.Key == key)
                {
                    best = probe;
                    steps++;
                    progress = true;
                    // The tree changed under the enumeration: start the pass again on the smaller case.
                    break;
                }
            }
        }

        return new Result(best.Generated, best, steps, tries);
    }

    /// <summary>Every one-step reduction of <paramref name="recipe"/>, the coarsest first.</summary>
    public static IEnumerable<JsonObject> Candidates(JsonObject recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        var paths = new List<(List<object> Path, JsonNode? Node)>();
        Walk(recipe, [], paths);

        // Array elements, the largest first, then members, then strings.
        foreach (var (path, _) in paths.Where(p => p.Path.Count > 0 && p.Path[^1] is int).OrderByDescending(p => Size(p.Node)))
        {
            yield return Edit(recipe, path, remove: true);
        }

        foreach (var (path, _) in paths.Where(p => p.Path.Count > 0 && p.Path[^1] is string).OrderByDescending(p => Size(p.Node)))
        {
            yield return Edit(recipe, path, remove: true);
        }

        foreach (var (path, node) in paths.Where(p => p.Node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 1).OrderByDescending(p => Size(p.Node)))
        {
            var text = node!.GetValue<string>();
            // Halving at a surrogate pair's middle would leave a lone surrogate, which no issuer can sign.
            var cut = char.IsLowSurrogate(text[text.Length / 2]) ? (text.Length / 2) + 1 : text.Length / 2;
            yield return Edit(recipe, path, remove: false, replacement: text[..cut]);
        }
    }

    private static void Walk(JsonNode? node, List<object> path, List<(List<object>, JsonNode?)> paths)
    {
        paths.Add((path, node));
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    Walk(value, [.. path, name], paths);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], [.. path, i], paths);
                }

                break;
        }
    }

    private static int Size(JsonNode? node) => node?.ToJsonString().Length ?? 4;

    private static JsonObject Edit(JsonObject recipe, List<object> path, bool remove, string? replacement = null)
    {
        var copy = recipe.DeepClone().AsObject();
        JsonNode parent = copy;
        for (var i = 0; i < path.Count - 1; i++)
        {
            parent = path[i] is int index ? parent.AsArray()[index]! : parent.AsObject()[(string)path[i]]!;
        }

        switch (path[^1])
        {
            case int index when remove:
                parent.AsArray().RemoveAt(index);
                break;
            case int index:
                parent.AsArray()[index] = replacement;
                break;
            case string name when remove:
                parent.AsObject().Remove(name);
                break;
            case string name:
                parent.AsObject()[name] = replacement;
                break;
        }

        return copy;
    }
}
