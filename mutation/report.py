#!/usr/bin/env python3
"""Reads Stryker.NET JSON reports (mutation-testing-report-schema) for mutation/run.sh.

  report.py summary REPORT FOLDER        one line of counts for the engine folder FOLDER
  report.py retest REPORT FOLDER CONFIG  the --mutate patterns of the mutants of FOLDER not yet killed, of the ignored
                                         ones (their comment may be gone), and of the detected ones a Stryker comment
                                         or CONFIG's ignore-methods may now ignore
  report.py merge BASE PARTIAL OUT       BASE with every mutant that PARTIAL tested taking PARTIAL's status
  report.py survivors REPORT FOLDER      the mutants of FOLDER not killed, one per line (file:line:col mutator → replacement)
  report.py total OUT FOLDER...           one line over the folders' summaries (OUT/FOLDER/summary.tsv): the score, the
                                         score with the unreachable mutants counted, and the raw score
  report.py marked REPORT FOLDER         the mutants of FOLDER left out of the score, one per line: class (equivalent,
                                         choice_log, unreachable), file:line:col, mutator, and the reason in the source
  report.py fingerprint DIR...           a hash of the engine and the test as far as a mutant's fate depends on them:
                                         every .cs, .csproj and .json below DIR, less comment and blank lines and the
                                         ignore-methods list (which only ignores more; the next partial run decides those)
  report.py carry REPORT ROOT            move REPORT onto the sources below ROOT (src/Ect) where they differ from the
                                         report's only in comment and blank lines: each mutant keeps its status at its new line

Stryker's score: (killed + timeout) / (killed + timeout + survived + no coverage); compile errors and
ignored mutants are not counted. The summary also splits the ignored mutants by why: `equivalent` (a
`// Stryker disable` comment in src/Ect with its reason), `choice_log` (a comment whose reason starts
"choice log:", or a call of a choice-log method left out by `ignore-methods`) and `unreachable` (a comment
whose reason starts "unreachable:": code no harness request can reach), and gives the raw score, which
counts those three as undetected, as Stryker would without them.
"""
import difflib
import hashlib
import json
import os
import sys

DETECTED = ("Killed", "Timeout")
UNDETECTED = ("Survived", "NoCoverage")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def relative(report, file_name):
    """A file's path below the mutated project (src/Ect): Stryker.NET keys files by absolute path."""
    name = file_name.replace("\\", "/")
    root = report.get("projectRoot", "").replace("\\", "/").rstrip("/") + "/"
    return name[len(root):] if root != "/" and name.startswith(root) else name


def mutants(report, folder):
    for name, file in sorted(report["files"].items()):
        path = relative(report, name)
        if path.startswith(folder + "/"):
            for mutant in file["mutants"]:
                yield path, file, mutant


def counts(report, folder):
    tally = {}
    for _, _, mutant in mutants(report, folder):
        tally[mutant["status"]] = tally.get(mutant["status"], 0) + 1
    return tally


# Calls that only record for the fuzz oracle (ignore-methods in stryker-config.json); the other ignored
# method, EctError.ctor, holds error messages, which were never counted.
CHOICE_LOG_CALLS = ("ProfileChoiceLog.Touch", "TouchIfNonCanonical", "NoteNullOptionalClaim")
METHOD_FILTER = "Removed by method filter"
BLOCK_FILTER = "Removed by block already covered filter"
# The marked mutants the score leaves out, by why (ignored_as); the raw score counts them as undetected.
IGNORED_CLASSES = ("equivalent", "choice_log", "unreachable")


def ignored_as(file, mutant):
    """Why an ignored mutant is left out: "equivalent", "choice_log", "unreachable", or None for Stryker's own filters."""
    reason = mutant.get("statusReason", "")
    if reason == METHOD_FILTER:
        lines = file["source"].split("\n")
        location = mutant["location"]
        text = "\n".join(lines[location["start"]["line"] - 1: location["end"]["line"]])
        return "choice_log" if any(call in text for call in CHOICE_LOG_CALLS) else None
    if reason.startswith("Removed by") or not reason:
        return None
    if reason.startswith("choice log"):
        return "choice_log"
    return "unreachable" if reason.startswith("unreachable") else "equivalent"


def summary(report_path, folder):
    report = load(report_path)
    tally, ignored = {}, {why: 0 for why in IGNORED_CLASSES}
    for _, file, mutant in mutants(report, folder):
        tally[mutant["status"]] = tally.get(mutant["status"], 0) + 1
        why = ignored_as(file, mutant) if mutant["status"] == "Ignored" else None
        if why:
            ignored[why] += 1
    killed, timeout = tally.get("Killed", 0), tally.get("Timeout", 0)
    survived, no_coverage = tally.get("Survived", 0), tally.get("NoCoverage", 0)
    valid = killed + timeout + survived + no_coverage
    score = percent(killed + timeout, valid)
    raw_score = percent(killed + timeout, valid + sum(ignored.values()))
    print(f"{folder}\tmutants={valid}\tkilled={killed}\tsurvived={survived}\ttimeout={timeout}"
          f"\tno_coverage={no_coverage}\tcompile_error={tally.get('CompileError', 0)}\tignored={tally.get('Ignored', 0)}"
          + "".join(f"\tignored_{why}={ignored[why]}" for why in IGNORED_CLASSES) +
          f"\tscore={score:.2f}\traw_score={raw_score:.2f}")


def percent(part, whole):
    return 100.0 * part / whole if whole else 100.0


def total(out, *folders):
    detected = valid = 0
    ignored = {why: 0 for why in IGNORED_CLASSES}
    for folder in folders:
        with open(os.path.join(out, folder, "summary.tsv"), encoding="utf-8") as f:
            fields = dict(kv.split("=") for kv in f.read().strip().split("\t")[1:])
        detected += int(fields["killed"]) + int(fields["timeout"])
        valid += int(fields["mutants"])
        for why in ignored:
            ignored[why] += int(fields.get(f"ignored_{why}", 0))
    print(f"total over {', '.join(folders)}: {detected}/{valid} detected, score {percent(detected, valid):.2f} %;"
          f" ignored {ignored['equivalent']} equivalent, {ignored['choice_log']} choice log and {ignored['unreachable']} unreachable"
          f" (comments); with the unreachable counted {percent(detected, valid + ignored['unreachable']):.2f} %,"
          f" raw score with all three counted {percent(detected, valid + sum(ignored.values())):.2f} %")


def offset(source, position):
    """The character offset of a 1-based line/column position, as Roslyn counts it (the span the --mutate filter matches)."""
    lines = source.split("\n")
    return sum(len(line) + 1 for line in lines[: position["line"] - 1]) + position["column"] - 1


def is_comment_or_blank(line):
    text = line.strip()
    return not text or text.startswith("//")


def ignorable_lines(source, ignored_methods):
    """1-based lines whose mutants a Stryker comment or an ignore-methods entry may ignore: the statement after a
    `// Stryker disable once` (to the end of its brackets and its `;` or `}`, so an `if` with its body), every line of
    a `// Stryker disable` … `// Stryker restore` region, and every line that names an ignored method. A superset is
    harmless: those mutants are only tested again."""
    names = [pattern.replace("*", "").replace(".ctor", "").split(".")[-1] for pattern in ignored_methods]
    names = [name for name in names if name]
    lines, region, once, depth = set(), False, False, 0
    for number, line in enumerate(source.split("\n"), start=1):
        text = line.strip()
        if text.startswith("// Stryker disable once"):
            once, depth = True, 0
            continue
        if text.startswith("// Stryker disable"):
            region = True
            continue
        if text.startswith("// Stryker restore"):
            region = False
            continue
        if region or once or any(name in line for name in names):
            lines.add(number)
        if once and not is_comment_or_blank(line):
            depth += sum(text.count(c) for c in "([{") - sum(text.count(c) for c in ")]}")
            once = not (depth <= 0 and text.endswith((";", "}")))
    return lines


def ignore_methods(config_path):
    with open(config_path, encoding="utf-8") as f:
        return json.load(f)["stryker-config"].get("ignore-methods", [])


def retest(report_path, folder, config_path):
    patterns = {}
    methods = ignore_methods(config_path)
    ignorable = {}
    for name, file, mutant in mutants(load(report_path), folder):
        if name not in ignorable:
            ignorable[name] = ignorable_lines(file["source"], methods)
        # Ignored ones too: the comment that ignored one may be gone, and Stryker reports one still ignored at no cost.
        # Not the block removals Stryker dropped as already covered: their spans are whole bodies, and the mutants
        # inside them are asked for one by one where they need it.
        if (mutant["status"] in UNDETECTED or (mutant["status"] == "Ignored" and not mutant.get("statusReason", "").startswith(BLOCK_FILTER))
                or (mutant["status"] in DETECTED and mutant["location"]["start"]["line"] in ignorable[name])):
            start = offset(file["source"], mutant["location"]["start"])
            end = offset(file["source"], mutant["location"]["end"])
            patterns.setdefault(name, set()).add(f"{{{start}..{end}}}")
    for name, spans in patterns.items():
        print("**/src/Ect/" + name + "".join(sorted(spans)))


def key(report, name, mutant):
    location = mutant["location"]
    return (relative(report, name), mutant["mutatorName"], mutant.get("replacement"),
            location["start"]["line"], location["start"]["column"], location["end"]["line"], location["end"]["column"])


# Why Stryker ignored a mutant of a --mutate run without deciding anything about it: outside the spans asked for.
NOT_ASKED = ("Removed by mutate filter",)


def merge(base_path, partial_path, out_path):
    """Every mutant the partial run decided (tested, or ignored by a Stryker comment or an ignore-methods entry) takes
    its status there; a mutant detected before and ignored now is named, since a comment must not hide a detected one."""
    base, partial = load(base_path), load(partial_path)
    tested = {key(partial, name, m): m for name, file in partial["files"].items() for m in file["mutants"]
              if not (m["status"] == "Ignored" and m.get("statusReason", "") in NOT_ASKED)}
    for name, file in base["files"].items():
        for mutant in file["mutants"]:
            newer = tested.get(key(base, name, mutant))
            if newer is not None and mutant["status"] in DETECTED and newer["status"] == "Ignored":
                start = mutant["location"]["start"]
                print(f"detected before, ignored now ({newer.get('statusReason', '')}): {relative(base, name)}:{start['line']}:{start['column']}"
                      f" {mutant['mutatorName']} {mutant.get('replacement', '')!r}", file=sys.stderr)
            if newer is not None:
                for field in ("status", "statusReason", "killedBy", "coveredBy", "testsCompleted"):
                    if field in newer:
                        mutant[field] = newer[field]
                    else:
                        mutant.pop(field, None)
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(base, f)


def survivors(report_path, folder):
    for name, _, mutant in mutants(load(report_path), folder):
        if mutant["status"] in UNDETECTED:
            start = mutant["location"]["start"]
            print(f"{mutant['status']}\t{name}:{start['line']}:{start['column']}\t{mutant['mutatorName']}\t{mutant.get('replacement', '')!r}")


def marked(report_path, folder):
    for name, file, mutant in mutants(load(report_path), folder):
        why = ignored_as(file, mutant) if mutant["status"] == "Ignored" else None
        if why:
            start = mutant["location"]["start"]
            reason = mutant.get("statusReason", "")
            print(f"{why}\t{name}:{start['line']}:{start['column']}\t{mutant['mutatorName']}\t{reason}")


def carry(report_path, root):
    """Moves a report onto sources that differ from the ones it was made on only in comment and blank lines (a Stryker
    comment, a reworded explanation): every mutant keeps its status and takes its new line, since no such change can
    make a mutant behave differently; what a new Stryker comment ignores, the next partial run decides. Prints how
    many files moved; refuses (exit 1) if any code line differs."""
    report = load(report_path)
    carried = 0
    for name, file in report["files"].items():
        if not file["mutants"]:
            continue  # outside the --mutate filter (its source reads "File ignored by mutate filter"): nothing to move
        path = os.path.join(root, relative(report, name))
        with open(path, encoding="utf-8-sig") as f:
            current = f.read().replace("\r\n", "\n")
        if current == file["source"]:
            continue
        old, new = file["source"].split("\n"), current.split("\n")
        moved = {}
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            if tag == "equal":
                moved.update({i1 + k + 1: j1 + k + 1 for k in range(i2 - i1)})
            elif not all(is_comment_or_blank(line) for line in old[i1:i2] + new[j1:j2]):
                print(f"{relative(report, name)}: code changed near line {i1 + 1}; the report cannot be carried over", file=sys.stderr)
                sys.exit(1)
        for mutant in file["mutants"]:
            for end in ("start", "end"):
                mutant["location"][end]["line"] = moved[mutant["location"][end]["line"]]
        file["source"] = current
        carried += 1
    if carried:
        with open(report_path, "w", encoding="utf-8") as f:
            json.dump(report, f)
    print(carried)


def fingerprint(*dirs):
    digest = hashlib.sha256()
    paths = []
    for top in dirs:
        for parent, folders, files in os.walk(top):
            folders[:] = sorted(d for d in folders if d not in ("bin", "obj"))
            paths += [os.path.join(parent, f) for f in files if f.endswith((".cs", ".csproj", ".json"))]
    for path in sorted(paths):
        with open(path, encoding="utf-8-sig") as f:
            text = f.read().replace("\r\n", "\n")
        if path.endswith(".cs"):
            text = "\n".join(line for line in text.split("\n") if not is_comment_or_blank(line))
        elif os.path.basename(path) == "stryker-config.json":
            config = json.loads(text)
            config["stryker-config"].pop("ignore-methods", None)
            text = json.dumps(config, sort_keys=True)
        digest.update(path.encode() + b"\0" + text.encode() + b"\0")
    print(digest.hexdigest())


def main(args):
    commands = {"summary": (summary, 2), "retest": (retest, 3), "merge": (merge, 3), "survivors": (survivors, 2),
                "marked": (marked, 2), "total": (total, None),
                "carry": (carry, 2), "fingerprint": (fingerprint, None)}
    if not args or args[0] not in commands or commands[args[0]][1] not in (None, len(args) - 1):
        print(__doc__, file=sys.stderr)
        return 2
    function, _ = commands[args[0]]
    function(*args[1:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
