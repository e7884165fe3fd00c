using Ect.Vectors.Building;

namespace Ect.Vectors.Topics;

/// <summary>TIME-1 and TIME-2: expiry with leeway, exp after iat, the iat age and future windows, each at and one second past its boundary.</summary>
public sealed class TimeVectors(KeyRing keys) : Topic(keys)
{
    public override string Name => "time";

    private const long Now = Fixtures.Now;

    protected override void Define()
    {
        Native("exp::one-second-left", "exp one second after now is accepted.", R("TIME-1"), t => t.Iat(Now - 10).Exp(Now + 1), ExpectedResult.Valid);
        Native("exp::equals-now", "exp equal to now is expired (now >= exp).", R("TIME-1"), t => t.Iat(Now - 10).Exp(Now), ExpectedResult.Invalid("expired"), flags: ["TimeBoundary"]);
        Native("exp::one-second-ago", "exp one second before now is expired.", R("TIME-1"), t => t.Iat(Now - 10).Exp(Now - 1), ExpectedResult.Invalid("expired"));
        Native("exp::long-ago", "A token that expired a day ago is expired.", R("TIME-1"), t => t.Iat(Now - 86_400).Exp(Now - 86_000),
            ExpectedResult.Invalid("expired", "iat_too_old"));
        Native("exp::within-leeway", "exp 59 s ago with exp_leeway 60 is accepted.", R("TIME-1"), t => t.Iat(Now - 100).Exp(Now - 59), ExpectedResult.Valid,
            flags: ["TimeBoundary"], setup: c => c.Option("exp_leeway", 60));
        Native("exp::at-leeway", "exp exactly exp_leeway (60 s) ago is expired (now >= exp + leeway).", R("TIME-1"), t => t.Iat(Now - 100).Exp(Now - 60),
            ExpectedResult.Invalid("expired"), flags: ["TimeBoundary"], setup: c => c.Option("exp_leeway", 60));
        Native("exp::equals-iat", "exp equal to iat is claim_invalid (exp must be after iat).", R("TIME-1"), t => t.Iat(Now - 10).Exp(Now - 10),
            ExpectedResult.Invalid("claim_invalid", "expired"), flags: ["TimeBoundary"]);
        Native("exp::before-iat-not-expired", "exp before iat is claim_invalid even though exp is still in the future.", R("TIME-1"),
            t => t.Iat(Now + 20).Exp(Now + 10), ExpectedResult.Invalid("claim_invalid"));
        Native("exp::one-second-after-iat", "exp one second after iat, both around now, is accepted.", R("TIME-1"), t => t.Iat(Now).Exp(Now + 1), ExpectedResult.Valid);

        Native("iat::max-age-exactly", "iat exactly iat_max_age (900 s) old is accepted: the boundary is valid.", R("TIME-2"),
            t => t.Iat(Now - 900).Exp(Now + 300), ExpectedResult.Valid, flags: ["TimeBoundary"]);
        Native("iat::max-age-plus-one", "iat 901 s old is iat_too_old.", R("TIME-2"), t => t.Iat(Now - 901).Exp(Now + 300), ExpectedResult.Invalid("iat_too_old"), flags: ["TimeBoundary"]);
        Native("iat::custom-max-age-exactly", "iat exactly 60 s old with iat_max_age 60 is accepted.", R("TIME-2"), t => t.Iat(Now - 60).Exp(Now + 300), ExpectedResult.Valid,
            flags: ["TimeBoundary"], setup: c => c.Option("iat_max_age", 60));
        Native("iat::custom-max-age-plus-one", "iat 61 s old with iat_max_age 60 is iat_too_old.", R("TIME-2"), t => t.Iat(Now - 61).Exp(Now + 300), ExpectedResult.Invalid("iat_too_old"),
            flags: ["TimeBoundary"], setup: c => c.Option("iat_max_age", 60));
        Native("iat::epoch", "iat 0 (1970) with a future exp is iat_too_old.", R("TIME-2"), t => t.Iat(0).Exp(Now + 300), ExpectedResult.Invalid("iat_too_old"));
        Native("iat::future-exactly", "iat exactly iat_max_future (30 s) ahead is accepted: the boundary is valid.", R("TIME-2"),
            t => t.Iat(Now + 30).Exp(Now + 630), ExpectedResult.Valid, flags: ["TimeBoundary"]);
        Native("iat::future-plus-one", "iat 31 s ahead is iat_in_future.", R("TIME-2"), t => t.Iat(Now + 31).Exp(Now + 631), ExpectedResult.Invalid("iat_in_future"), flags: ["TimeBoundary"]);
        Native("iat::zero-future-now", "iat equal to now with iat_max_future 0 is accepted.", R("TIME-2"), t => t.Iat(Now).Exp(Now + 600), ExpectedResult.Valid,
            flags: ["TimeBoundary"], setup: c => c.Option("iat_max_future", 0));
        Native("iat::zero-future-plus-one", "iat one second ahead with iat_max_future 0 is iat_in_future.", R("TIME-2"), t => t.Iat(Now + 1).Exp(Now + 600),
            ExpectedResult.Invalid("iat_in_future"), flags: ["TimeBoundary"], setup: c => c.Option("iat_max_future", 0));
        Native("iat::far-future", "iat a year ahead is iat_in_future.", R("TIME-2"), t => t.Iat(Now + 31_536_000).Exp(Now + 31_536_600), ExpectedResult.Invalid("iat_in_future"));
        Native("iat::old-and-expired", "A token both expired and too old breaks two claim-stage checks: either code.", R("TIME-1", "TIME-2"),
            t => t.Iat(Now - 2000).Exp(Now - 1000), ExpectedResult.Invalid("expired", "iat_too_old"));
        Native("iat::frozen-clock", "The verifier's clock is input.now: a token issued in 2030 is accepted by a verifier whose now is in 2030.", R("TIME-1", "TIME-2"),
            t => t.Iat(1_893_456_000 - 10).Exp(1_893_456_000 + 590), ExpectedResult.Valid, setup: c => c.Now(1_893_456_000));
    }
}
