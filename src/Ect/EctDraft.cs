namespace Ect;

/// <summary>The draft revision a verifier (or creator) follows.</summary>
public enum EctDraft
{
    /// <summary>draft-nennemann-wimse-ect-00 as the authors' implementations read it: <c>par</c>, <c>ext</c>, <c>pol</c>, <c>sub</c>.</summary>
    Draft00,

    /// <summary>draft-nennemann-wimse-ect-01: <c>pred</c>, <c>ect_ext</c>, <c>exec+jwt</c>.</summary>
    Draft01,
}
