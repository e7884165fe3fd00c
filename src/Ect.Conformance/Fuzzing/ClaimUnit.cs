namespace Ect.Conformance.Fuzzing;

/// <summary>
/// A part of a payload that one or more claim rules read and that <see cref="ClaimRepairs"/> can make
/// honest on its own: claims a rule compares with each other (<c>pol</c> and <c>pol_decision</c>, the
/// two hashes) are one unit, so that repairing one never breaks a rule of another. <c>sub</c> is
/// compared with <c>iss</c> and <c>exp</c> with <c>iat</c>: their repairs keep those relations.
/// </summary>
internal enum ClaimUnit
{
    Iss,
    Sub,
    Aud,

    /// <summary><c>iat</c>, kept inside its window and before <c>exp</c>.</summary>
    Iat,

    /// <summary><c>exp</c>, kept after <c>iat</c> and unexpired.</summary>
    Exp,
    Jti,
    Wid,
    ExecAct,

    /// <summary><c>pred</c> and <c>par</c>.</summary>
    Dag,

    /// <summary><c>inp_hash</c> and <c>out_hash</c>.</summary>
    Hashes,

    /// <summary><c>ect_ext</c> and <c>ext</c>.</summary>
    Extension,

    /// <summary><c>pol</c> and <c>pol_decision</c>.</summary>
    Policy,
}
