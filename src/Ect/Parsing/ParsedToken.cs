using System.Text.Json;

namespace Ect.Parsing;

/// <summary>A compact JWS whose header and payload have been parsed as strict JSON objects. Owns the two documents.</summary>
internal sealed class ParsedToken(CompactJws jws, JsonDocument header, JsonDocument payload) : IDisposable
{
    public CompactJws Jws { get; } = jws;

    public JsonDocument Header { get; } = header;

    public JsonDocument Payload { get; } = payload;

    public void Dispose()
    {
        Header.Dispose();
        Payload.Dispose();
    }
}
