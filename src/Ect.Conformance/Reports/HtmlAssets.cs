namespace Ect.Conformance.Reports;

/// <summary>
/// The report page's inline style and script. Inline because the page must work as one file,
/// attached to a CI run or opened offline: no network, no external assets.
/// </summary>
internal static class HtmlAssets
{
    public const string Style = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:1200px;padding:0 1em;color:#1d1d1f}
        h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ddd;padding-bottom:.2em}h3.rule{margin:1.6em 0 .4em}
        table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ddd;padding:.25em .6em;text-align:right}
        th:first-child,td:first-child,td.l{text-align:left}th{background:#f4f4f6}
        .pass{background:#e3f6e5}.pass-verdict{background:#f3f7d9}.fail{background:#fde2e1}.skipped{background:#eef0f3}
        .errored,.timeout,.crashed{background:#fde9cf}.zero{color:#bbb}td a{color:inherit}
        .cards{display:flex;gap:1em;flex-wrap:wrap}.card{border:1px solid #ddd;border-radius:6px;padding:.6em 1em;min-width:10em}
        .card b{display:block;font-size:1.7em}.ok{color:#17794a}.bad{color:#b3261e}
        nav.toc{border:1px solid #ddd;border-radius:6px;padding:.3em 1em;display:inline-block;background:#fafafc}nav.toc ol{margin:.3em 0;padding-left:1.4em}
        .run{border:1px solid #e3c0bd;border-radius:6px;padding:.4em 1em;margin:1em 0}.run h4{font-size:1.05em;margin:.4em 0}
        .run.accepted-forgery{border:2px solid #b3261e;background:#fff7f6}
        .badge{display:inline-block;border-radius:3px;padding:0 .4em;font-size:.85em;font-weight:600;margin-left:.3em;background:#eef0f3}
        .badge.accepted-forgery,.badge.AUTH_BYPASS{background:#b3261e;color:#fff}.badge.wrong-verdict{background:#fde2e1}.badge.broken{background:#fde9cf}
        .badge.diagnosis-only{background:#f3f7d9}
        .flag{border-left:3px solid #ccc;padding-left:.6em;margin:.3em 0}.flag.AUTH_BYPASS{border-color:#b3261e}
        #filters{position:sticky;top:0;background:#fff;padding:.5em 0;border-bottom:1px solid #eee;z-index:1}#filters label{margin-right:1em}
        pre{background:#f7f7f9;padding:.5em;overflow:auto;max-height:22em;white-space:pre-wrap;word-break:break-all;margin:.2em 0}
        code{background:#f1f1f4;padding:0 .25em;border-radius:3px}.muted{color:#666}dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:600}
        dd{margin:0;min-width:0}.rules dt{font-family:monospace}
        """;

    /// <summary>
    /// Filters the failure entries by the selects in #filters, and reads and writes them as the URL
    /// hash (<c>#failures?rule=DAG-3&amp;mode=01&amp;outcome=fail</c>), so a table cell can link to
    /// exactly its failures and a filtered view can be shared.
    /// </summary>
    public const string Script = """
        (function () {
          var names = ['kind', 'outcome', 'rule', 'mode', 'topic'];
          var form = document.getElementById('filters');
          if (!form) { return; }
          function select(name) { return form.querySelector('select[name="' + name + '"]'); }
          function apply() {
            var shown = 0, total = 0;
            document.querySelectorAll('.run[data-key]').forEach(function (run) {
              total++;
              var match = names.every(function (name) {
                var want = select(name).value;
                if (!want) { return true; }
                var have = run.getAttribute('data-' + name) || '';
                return name === 'rule' ? have.split(' ').indexOf(want) >= 0 : have === want;
              });
              run.hidden = !match;
              if (match) { shown++; }
            });
            document.querySelectorAll('.group').forEach(function (group) {
              group.hidden = !group.querySelector('.run[data-key]:not([hidden])');
            });
            document.getElementById('shown').textContent = shown === total ? 'all ' + total + ' shown' : shown + ' of ' + total + ' shown';
          }
          function toHash() {
            var parts = names.filter(function (n) { return select(n).value; }).map(function (n) { return n + '=' + encodeURIComponent(select(n).value); });
            history.replaceState(null, '', parts.length ? '#failures?' + parts.join('&') : '#failures');
          }
          function fromHash() {
            var hash = decodeURIComponent(location.hash || '');
            var filtering = hash.indexOf('#failures?') === 0;
            var params = {};
            if (filtering) {
              hash.slice('#failures?'.length).split('&').forEach(function (pair) {
                var i = pair.indexOf('=');
                if (i > 0) { params[pair.slice(0, i)] = pair.slice(i + 1); }
              });
            }
            names.forEach(function (name) {
              var s = select(name), value = params[name] || '';
              if (value && !Array.prototype.some.call(s.options, function (o) { return o.value === value; })) {
                var option = document.createElement('option');
                option.value = option.textContent = value;
                s.appendChild(option);
              }
              s.value = value;
            });
            apply();
            if (filtering) { document.getElementById('failures').scrollIntoView(); }
          }
          names.forEach(function (name) { select(name).addEventListener('change', function () { toHash(); apply(); }); });
          form.querySelector('button').addEventListener('click', function () { names.forEach(function (n) { select(n).value = ''; }); toHash(); apply(); });
          window.addEventListener('hashchange', fromHash);
          fromHash();
        })();
        """;
}
