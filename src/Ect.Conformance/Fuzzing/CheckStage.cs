namespace Ect.Conformance.Fuzzing;

/// <summary>
/// The stages of verification in the order DAG-9 fixes: a token that breaks rules in two stages
/// gets the earlier stage's code. Within <see cref="Claims"/> the profile fixes no order, so every
/// claim rule a token breaks gives a right code; DAG checks run in a fixed order of their own.
/// </summary>
internal enum CheckStage
{
    Size,
    Parse,
    Typ,
    Alg,
    Crit,
    KidAndKey,
    Signature,
    Claims,
    Replay,
    Dag,
}
