using System.Globalization;

namespace Ect.Conformance.Site;

/// <summary>One table cell summing a group of runs: verdict / diagnosis conformance, and accepted forgeries when there are any.</summary>
public static class ScoreCell
{
    public static string Render(Score score)
    {
        ArgumentNullException.ThrowIfNull(score);
        if (score.Judged == 0)
        {
            return $"<td class=\"o-not-declared\" title=\"{score.Total} run(s), none judged\">–</td>";
        }

        var css = score.UnexpectedAccepts > 0 || score.Verdict < 1 ? "o-fail" : score.Diagnosis < 1 ? "o-pass-verdict" : "o-pass";
        var accepts = score.UnexpectedAccepts > 0 ? string.Create(CultureInfo.InvariantCulture, $" <span class=\"tag accept\" title=\"forgeries accepted\">{score.UnexpectedAccepts} accepted</span>") : "";
        return string.Create(CultureInfo.InvariantCulture, $"<td class=\"num {css}\" title=\"{score.Judged} judged: {score.Pass} pass, {score.PassVerdict} pass-verdict, {score.Fail} fail, {score.Errored + score.Timeout + score.Crashed} broken\">{Score.Percent(score.Verdict)} / {Score.Percent(score.Diagnosis)}{accepts}</td>");
    }
}
