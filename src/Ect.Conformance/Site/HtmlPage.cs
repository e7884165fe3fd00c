using System.Text;

namespace Ect.Conformance.Site;

/// <summary>
/// The frame of every page: style and script inline, links relative, nothing fetched, so a page
/// works from <c>file://</c>, any static host or an unpacked artifact alike.
/// </summary>
public static class HtmlPage
{
    private const string Style = """
        :root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa;--link:#0550ae}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
        header{background:#24292f;color:#fff;padding:.6rem 1.5rem;display:flex;gap:1.5rem;align-items:baseline;flex-wrap:wrap}
        header a{color:#fff;text-decoration:none;font-weight:600}
        header nav a{font-weight:400;opacity:.85;margin-right:1rem}
        main{padding:1rem 1.5rem 3rem;max-width:1400px}
        a{color:var(--link)}
        h1{font-size:1.6rem;margin:.6rem 0}
        h1 code{font-size:inherit}
        h2{font-size:1.25rem;margin:2rem 0 .6rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
        h3{font-size:1.05rem;margin:1.4rem 0 .4rem}
        .muted{color:var(--muted)}
        table{border-collapse:collapse;margin:.4rem 0 1rem;font-size:14px}
        th,td{border:1px solid var(--line);padding:.25rem .55rem;text-align:left;vertical-align:top}
        th{background:var(--soft);font-weight:600}
        td code,td.when{white-space:nowrap}
        td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        code,pre{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
        pre{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.6rem;overflow:auto;max-height:24rem;white-space:pre-wrap;word-break:break-all;margin:.3rem 0}
        details{margin:.3rem 0}
        summary{cursor:pointer;color:var(--muted)}
        .o-pass{background:#dafbe1}
        .o-pass-verdict{background:#fff8c5}
        .o-fail{background:#ffd8d3}
        .o-errored,.o-timeout,.o-crashed{background:#ffe2bf}
        .o-skipped,.o-not-declared,.o-absent{background:#eaeef2;color:var(--muted)}
        .tag{display:inline-block;padding:0 .45rem;border-radius:1rem;font-size:12px;font-weight:600;border:1px solid var(--line);margin-right:.25rem}
        .accept{background:#cf222e;color:#fff;border-color:#cf222e}
        .entry{border:1px solid var(--line);border-radius:8px;padding:.5rem .9rem;margin:.7rem 0}
        .entry.accepts{border-left:5px solid #cf222e}
        .entry h4{margin:.2rem 0;font-size:14px;word-break:break-all}
        .copy{position:relative}
        .copy button{position:absolute;top:.35rem;right:.35rem;font-size:12px;cursor:pointer}
        .badges img{margin-right:.3rem;vertical-align:middle}
        .warn{background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:.4rem .7rem}
        .bad{color:#cf222e;font-weight:600}
        svg.chart text{font:11px system-ui,sans-serif;fill:#57606a}
        footer{color:var(--muted);font-size:13px;margin-top:3rem}
        """;

    // Copying works without a secure context too: file:// pages may not use the clipboard API.
    private const string Script = """
        document.addEventListener('click',function(e){
          var b=e.target.closest&&e.target.closest('button[data-copy]');if(!b)return;
          var t=document.getElementById(b.getAttribute('data-copy')).textContent;
          function done(){b.textContent='copied';setTimeout(function(){b.textContent='copy'},1500)}
          function fallback(){var a=document.createElement('textarea');a.value=t;document.body.appendChild(a);a.select();
            try{document.execCommand('copy');done()}catch(x){}document.body.removeChild(a)}
          if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(t).then(done,fallback)}else{fallback()}
        });
        """;

    /// <summary>A whole page; <paramref name="path"/> is the page's own path in the site, which fixes its links to the root.</summary>
    public static string Render(string path, string title, string body)
    {
        var root = SitePaths.ToRoot(path);
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Html.Text(title)).Append(" · ECT conformance</title>\n")
            .Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<header><a href=\"").Append(root).Append(SitePaths.Index).Append("\">ECT conformance results</a>")
            .Append("<nav><a href=\"").Append(root).Append(SitePaths.Index).Append("#implementations\">implementations</a>")
            .Append("<a href=\"").Append(root).Append(SitePaths.Index).Append("#topics\">topics</a>")
            .Append("<a href=\"").Append(root).Append(SitePaths.Index).Append("#rules\">rules</a>")
            .Append("<a href=\"").Append(root).Append(SitePaths.AllResults).Append("\">all-results.json</a></nav></header>\n")
            .Append("<main>\n").Append(body).Append("\n</main>\n")
            .Append("<script>").Append(Script).Append("</script>\n</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>A preformatted block with a copy button; <paramref name="id"/> must be unique on the page.</summary>
    public static string CopyBlock(string id, string text) =>
        $"<div class=\"copy\"><pre id=\"{Html.Text(id)}\">{Html.Text(text)}</pre><button type=\"button\" data-copy=\"{Html.Text(id)}\">copy</button></div>";
}
