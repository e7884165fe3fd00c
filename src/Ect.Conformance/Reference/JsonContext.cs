using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Ect.Conformance.Reference;

/// <summary>Source-generated serialization for the few types converted between nodes and elements.</summary>
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class JsonContext : JsonSerializerContext;
