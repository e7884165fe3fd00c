namespace Ect.Vectors.Building;

/// <summary>The claim vocabulary of a token or payload: the -00 names (par, ext, wimse-exec+jwt) or the -01 names (pred, ect_ext, exec+jwt).</summary>
public enum Vocab
{
    V00,
    V01,
}

public static class Vocabs
{
    public static string Typ(this Vocab v) => v == Vocab.V00 ? "wimse-exec+jwt" : "exec+jwt";

    public static string PredClaim(this Vocab v) => v == Vocab.V00 ? "par" : "pred";

    public static string ExtClaim(this Vocab v) => v == Vocab.V00 ? "ext" : "ect_ext";

    /// <summary>The verifier mode in which this vocabulary is native.</summary>
    public static string Mode(this Vocab v) => v == Vocab.V00 ? "00" : "01";
}
