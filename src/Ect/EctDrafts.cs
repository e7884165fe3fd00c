namespace Ect;

/// <summary>Names, media types and claim names that differ between the drafts.</summary>
public static class EctDrafts
{
    public const string TypExec = "exec+jwt";
    public const string TypLegacy = "wimse-exec+jwt";

    /// <summary>The wire name of a draft ("00" or "01").</summary>
    public static string ToWireName(this EctDraft draft) => draft == EctDraft.Draft00 ? "00" : "01";

    public static bool TryParse(string? name, out EctDraft draft)
    {
        switch (name)
        {
            case "00":
                draft = EctDraft.Draft00;
                return true;
            case "01":
                draft = EctDraft.Draft01;
                return true;
            default:
                draft = EctDraft.Draft01;
                return false;
        }
    }

    /// <summary>The <c>typ</c> a creator writes in this draft.</summary>
    public static string CreateTyp(this EctDraft draft) => draft == EctDraft.Draft00 ? TypLegacy : TypExec;

    /// <summary>The DAG claim: <c>par</c> in -00, <c>pred</c> in -01.</summary>
    public static string PredClaim(this EctDraft draft) => draft == EctDraft.Draft00 ? "par" : "pred";

    /// <summary>The extension object: <c>ext</c> in -00, <c>ect_ext</c> in -01.</summary>
    public static string ExtClaim(this EctDraft draft) => draft == EctDraft.Draft00 ? "ext" : "ect_ext";
}
