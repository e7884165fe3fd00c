namespace Ect.Errors;

/// <summary>
/// The error codes of the conformance profile (section 3). Each has a stable wire name
/// (see <see cref="EctErrorCodes.ToWireName"/>) that vectors and harnesses use.
/// </summary>
public enum EctErrorCode
{
    None = 0,
    Malformed,
    TokenTooLarge,
    TypInvalid,
    AlgNotAllowed,
    CritUnsupported,
    KidMissing,
    KeyUnknown,
    SignatureInvalid,
    ClaimMissing,
    ClaimInvalid,
    AudMismatch,
    Expired,
    IatTooOld,
    IatInFuture,
    JtiInvalid,
    WidInvalid,
    HashInvalid,
    ExtTooLarge,
    ExtTooDeep,
    PolPair,
    SubMismatch,
    Replay,
    DagDuplicateJti,
    DagPredNotFound,
    DagTemporalOrder,
    DagCycle,
    DagTooManyPreds,
    DagDuplicatePred,
    DagWorkflowMismatch,
    DagTraversalLimit,
    MigrationConflict,
    LevelBelowMinimum,
}
