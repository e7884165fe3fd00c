using System.Text.Json.Nodes;
using Ect.Conformance.Cases;
using Ect.Vectors.Building;

namespace Ect.Vectors.Output;

/// <summary>
/// The systematic classes a case belongs to (boundaries, JSON types, non-default options, every
/// element of a list, DAG depth and shape, string near misses), read from the case itself: its
/// group (the middle segment of its id), its flags, and the options it sets. The coverage report
/// counts them per rule, so a class a rule lacks shows as a gap rather than being claimed by hand.
/// </summary>
public static class VectorClass
{
    public const string Boundary = "boundary";
    public const string JsonType = "json-type";
    public const string Option = "option";
    public const string EachElement = "each-element";
    public const string Shape = "shape";
    public const string NearMiss = "near-miss";

    /// <summary>The classes in the order the report's columns give them.</summary>
    public static IReadOnlyList<string> All { get; } = [Boundary, JsonType, Option, EachElement, Shape, NearMiss];

    /// <summary>Flags that only boundary cases carry (a value exactly at a limit or one past it).</summary>
    private static readonly HashSet<string> BoundaryFlags = new(StringComparer.Ordinal) { "TimeBoundary", "ExtensionLimit", "PredecessorLimit", "TraversalLimit" };

    /// <summary>Flags that name a class outright: near misses of a compared string, and the number spellings and ranges of CLM-3 (near-types and the exact-integer boundary).</summary>
    private static readonly Dictionary<string, string> ClassFlags = new(StringComparer.Ordinal)
    {
        ["AudienceConfusion"] = NearMiss,
        ["TypVariant"] = NearMiss,
        ["TokenConfusion"] = NearMiss,
        ["NonIntegerTime"] = JsonType,
        ["UnsafeInteger"] = Boundary,
    };

    /// <summary>
    /// Groups written before the classes had their own names (<c>topic::group</c>, or a group in any
    /// topic), and the class each one is: segment counts and signature lengths and scalars around
    /// their limits, header and payload of every wrong JSON type, encodings one character or one
    /// padding off the canonical one.
    /// </summary>
    private static readonly Dictionary<string, string> EarlierGroups = new(StringComparer.Ordinal)
    {
        ["type"] = JsonType,
        ["parse::json"] = JsonType,
        ["parse::segments"] = Boundary,
        ["parse::base64url"] = NearMiss,
        ["signature::length"] = Boundary,
        ["signature::range"] = Boundary,
    };

    public static IReadOnlySet<string> Of(VectorCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var classes = new HashSet<string>(StringComparer.Ordinal);
        var group = Group(c.Id);
        if (All.Contains(group))
        {
            classes.Add(group);
        }
        else if (EarlierGroups.TryGetValue(c.Topic + "::" + group, out var earlier) || EarlierGroups.TryGetValue(group, out earlier))
        {
            classes.Add(earlier);
        }

        if (c.Flags.Any(BoundaryFlags.Contains))
        {
            classes.Add(Boundary);
        }

        foreach (var flag in c.Flags)
        {
            if (ClassFlags.TryGetValue(flag, out var named))
            {
                classes.Add(named);
            }
        }

        if (NonDefaultParameters(c).Count > 0)
        {
            classes.Add(Option);
        }

        return classes;
    }

    /// <summary>The group of a <c>topic::group::name</c> id.</summary>
    public static string Group(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var parts = id.Split("::");
        return parts.Length >= 3 ? parts[1] : "";
    }

    /// <summary>
    /// The parameters a loaded case (defaults filled) sets away from the profile's default:
    /// options that differ from <see cref="ProfileDefaults"/>, a <c>verifier_id</c> other than the
    /// usual verifier, a clock other than the usual <c>now</c>, and <c>max_par_length</c> and
    /// <c>minimum_level</c> whenever given (neither has a default of its own).
    /// </summary>
    public static IReadOnlyList<string> NonDefaultParameters(VectorCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var defaults = c.Operation switch
        {
            CaseOperation.Verify => ProfileDefaults.Verifier,
            CaseOperation.Dag => ProfileDefaults.Dag,
            CaseOperation.Create => ProfileDefaults.Create,
            _ => [],
        };
        var options = c.Input["options"] as JsonObject;
        var names = new List<string>();
        if (options is not null)
        {
            foreach (var (name, value) in defaults)
            {
                if (options[name] is { } given && !JsonNode.DeepEquals(given, value))
                {
                    names.Add(name);
                }
            }

            // Neither has a default of its own: the -00 name stands in for max_pred_length, and minimum_level exists only with the levels feature.
            foreach (var name in new[] { "max_par_length", "minimum_level" })
            {
                if (options.ContainsKey(name))
                {
                    names.Add(name);
                }
            }

            if (options["verifier_id"] is JsonValue id && id.TryGetValue<string>(out var verifier) && verifier != Fixtures.Verifier)
            {
                names.Add("verifier_id");
            }
        }

        if (c.Operation == CaseOperation.Verify && c.Input["now"] is JsonValue now && now.TryGetValue<long>(out var clock) && clock != Fixtures.Now)
        {
            names.Add("now");
        }

        return names;
    }
}
