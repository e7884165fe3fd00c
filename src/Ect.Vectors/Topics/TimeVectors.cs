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

        Boundaries();
        NonDefaultOptions();
        SlipBoundaries();
    }

    /// <summary>Each limit one below, at and one above, where the cases above leave a side out.</summary>
    private void Boundaries()
    {
        Native("boundary::leeway-one-past", "exp 61 s ago with exp_leeway 60 is expired. Catches a leeway applied twice or a window that never closes after equality.", R("TIME-1"),
            t => t.Iat(Now - 100).Exp(Now - 61), ExpectedResult.Invalid("expired"), flags: ["TimeBoundary"], setup: c => c.Option("exp_leeway", 60));
        Native("boundary::exp-one-before-iat", "exp one second before iat, both in the future, is claim_invalid. Catches exp <= iat written as exp < iat - 1 or checked only when expired.", R("TIME-1"),
            t => t.Iat(Now + 5).Exp(Now + 4), ExpectedResult.Invalid("claim_invalid"), flags: ["TimeBoundary"]);
        Native("boundary::exp-equals-iat-future", "exp equal to iat, both 5 s in the future (not expired), is claim_invalid. Catches exp < iat where the profile says exp must be after iat.", R("TIME-1"),
            t => t.Iat(Now + 5).Exp(Now + 5), ExpectedResult.Invalid("claim_invalid"), flags: ["TimeBoundary"]);
        Native("boundary::max-age-one-below", "iat 899 s old (one below iat_max_age 900) is accepted. Catches an age window off by one on the inside (now - iat >= max_age).", R("TIME-2"),
            t => t.Iat(Now - 899).Exp(Now + 300), ExpectedResult.Valid, flags: ["TimeBoundary"]);
        Native("boundary::custom-max-age-one-below", "iat 59 s old with iat_max_age 60 is accepted. Catches an age window off by one on the inside.", R("TIME-2"),
            t => t.Iat(Now - 59).Exp(Now + 300), ExpectedResult.Valid, flags: ["TimeBoundary"], setup: c => c.Option("iat_max_age", 60));
        Native("boundary::future-one-below", "iat 29 s ahead (one below iat_max_future 30) is accepted. Catches a future window off by one on the inside.", R("TIME-2"),
            t => t.Iat(Now + 29).Exp(Now + 629), ExpectedResult.Valid, flags: ["TimeBoundary"]);
        Native("boundary::zero-future-one-behind", "iat one second ago with iat_max_future 0 is accepted: the future bound does not touch the past. Catches |iat - now| compared with the future bound.", R("TIME-2"),
            t => t.Iat(Now - 1).Exp(Now + 600), ExpectedResult.Valid, flags: ["TimeBoundary"], setup: c => c.Option("iat_max_future", 0));
        Native("boundary::zero-age-now", "iat equal to now with iat_max_age 0 is accepted (an age of 0 is not over 0). Catches now - iat >= max_age.", R("TIME-2"),
            t => t.Iat(Now).Exp(Now + 600), ExpectedResult.Valid, flags: ["TimeBoundary"], setup: c => c.Option("iat_max_age", 0));
        Native("boundary::zero-age-one-second", "iat one second ago with iat_max_age 0 is iat_too_old. Catches a zero max age read as no limit.", R("TIME-2"),
            t => t.Iat(Now - 1).Exp(Now + 600), ExpectedResult.Invalid("iat_too_old"), flags: ["TimeBoundary"], setup: c => c.Option("iat_max_age", 0));
        Native("boundary::leeway-not-for-iat", "exp_leeway 600 does not widen the iat window: iat 901 s old is still iat_too_old. Catches a leeway added to every time check.", R("TIME-1", "TIME-2"),
            t => t.Iat(Now - 901).Exp(Now + 300), ExpectedResult.Invalid("iat_too_old"), flags: ["TimeBoundary"], setup: c => c.Option("exp_leeway", 600));
    }

    /// <summary>Every time parameter away from its default, both ways, so that a verifier reading the default instead of the option fails one of them.</summary>
    private void NonDefaultOptions()
    {
        Native("option::max-age-3600-at", "iat exactly 3600 s old with iat_max_age 3600 is accepted. Catches a hard-coded iat_max_age of 900 (ECT_IAT_MAX_AGE_MINUTES 15).", R("TIME-2"),
            t => t.Iat(Now - 3600).Exp(Now + 300), ExpectedResult.Valid, flags: ["TimeBoundary"], setup: c => c.Option("iat_max_age", 3600));
        Native("option::max-age-3600-past", "iat 3601 s old with iat_max_age 3600 is iat_too_old. Catches an age bound that is never applied above the default.", R("TIME-2"),
            t => t.Iat(Now - 3601).Exp(Now + 300), ExpectedResult.Invalid("iat_too_old"), flags: ["TimeBoundary"], setup: c => c.Option("iat_max_age", 3600));
        Native("option::max-future-120-at", "iat exactly 120 s ahead with iat_max_future 120 is accepted. Catches a hard-coded iat_max_future of 30.", R("TIME-2"),
            t => t.Iat(Now + 120).Exp(Now + 720), ExpectedResult.Valid, flags: ["TimeBoundary"], setup: c => c.Option("iat_max_future", 120));
        Native("option::max-future-120-past", "iat 121 s ahead with iat_max_future 120 is iat_in_future. Catches a future bound that is never applied above the default.", R("TIME-2"),
            t => t.Iat(Now + 121).Exp(Now + 721), ExpectedResult.Invalid("iat_in_future"), flags: ["TimeBoundary"], setup: c => c.Option("iat_max_future", 120));
        Native("option::leeway-300-within", "exp 299 s ago with exp_leeway 300 is accepted. Catches a hard-coded exp_leeway of 0 (or of 60).", R("TIME-1"),
            t => t.Iat(Now - 400).Exp(Now - 299), ExpectedResult.Valid, flags: ["TimeBoundary"], setup: c => c.Option("exp_leeway", 300));
        Native("option::leeway-300-at", "exp exactly 300 s ago with exp_leeway 300 is expired. Catches a leeway read but compared with > instead of >=.", R("TIME-1"),
            t => t.Iat(Now - 400).Exp(Now - 300), ExpectedResult.Invalid("expired"), flags: ["TimeBoundary"], setup: c => c.Option("exp_leeway", 300));
        Native("option::frozen-clock-expired", "With now in 2030, a token that expired in 2026 is expired: the clock is input.now, never the machine's. Catches a verifier reading the system clock.", R("TIME-1"),
            t => t.Iat(Now - 10).Exp(Now + 590), ExpectedResult.Invalid("expired", "iat_too_old"), setup: c => c.Now(1_893_456_000));
        Native("option::frozen-clock-past", "With now in 2020, a token issued in 2026 is iat_in_future: the clock is input.now. Catches a verifier reading the system clock.", R("TIME-2"),
            t => t, ExpectedResult.Invalid("iat_in_future"), setup: c => c.Now(1_577_836_800));
    }

    /// <summary>Boundaries that a slipped comparison passes although every vector above it passes too (tests/harness-slips).</summary>
    private void SlipBoundaries()
    {
        Native("slip-boundary::exp-equals-iat-ahead", "exp equal to iat, both 10 s ahead (within iat_max_future), so not expired: claim_invalid. Catches exp <= iat written as exp < iat, which exp::equals-iat cannot show because that token is also expired.",
            R("TIME-1"), t => t.Iat(Now + 10).Exp(Now + 10), ExpectedResult.Invalid("claim_invalid"), flags: ["TimeBoundary"]);
        Native("slip-boundary::future-window-without-leeway", "iat 31 s ahead with exp_leeway 60: iat_in_future, since exp_leeway widens the expiry check only. Catches one leeway added to every time window.",
            R("TIME-2", "TIME-1"), t => t.Iat(Now + 31).Exp(Now + 631), ExpectedResult.Invalid("iat_in_future"), flags: ["TimeBoundary"], setup: c => c.Option("exp_leeway", 60));
        Native("slip-boundary::age-window-without-leeway", "iat 901 s old with exp_leeway 60: iat_too_old, since exp_leeway widens the expiry check only. Catches one leeway added to every time window.",
            R("TIME-2", "TIME-1"), t => t.Iat(Now - 901).Exp(Now + 300), ExpectedResult.Invalid("iat_too_old"), flags: ["TimeBoundary"], setup: c => c.Option("exp_leeway", 60));
    }
}
