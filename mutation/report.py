#!/usr/bin/env python3
"""Reads Stryker.NET JSON reports (mutation-testing-report-schema) for mutation/run.sh.

  report.py summary REPORT FOLDER        one line of counts for the engine folder FOLDER
  report.py retest REPORT FOLDER         the --mutate patterns of the mutants of FOLDER not yet killed
  report.py merge BASE PARTIAL OUT       BASE with every mutant that PARTIAL tested taking PARTIAL's status
  report.py survivors REPORT FOLDER      the mutants of FOLDER not killed, one per line (file:line:col mutator → replacement)

Stryker's score: (killed + timeout) / (killed + timeout + survived + no coverage); compile errors and
ignored mutants are not counted. The summary also splits the ignored mutants by why: `equivalent` (a
`// Stryker disable` comment in src/Ect with its reason) and `choice_log` (a comment whose reason starts
"choice log:", or a call of a choice-log method left out by `ignore-methods`), and gives the raw score,
which counts those two as undetected, as Stryker would without them.
"""
import json
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


def ignored_as(file, mutant):
    """Why an ignored mutant is left out: "equivalent", "choice_log", or None for Stryker's own filters."""
    reason = mutant.get("statusReason", "")
    if reason == METHOD_FILTER:
        lines = file["source"].split("\n")
        location = mutant["location"]
        text = "\n".join(lines[location["start"]["line"] - 1: location["end"]["line"]])
        return "choice_log" if any(call in text for call in CHOICE_LOG_CALLS) else None
    if reason.startswith("Removed by") or not reason:
        return None
    return "choice_log" if reason.startswith("choice log") else "equivalent"


def summary(report_path, folder):
    report = load(report_path)
    tally, ignored = {}, {"equivalent": 0, "choice_log": 0}
    for _, file, mutant in mutants(report, folder):
        tally[mutant["status"]] = tally.get(mutant["status"], 0) + 1
        why = ignored_as(file, mutant) if mutant["status"] == "Ignored" else None
        if why:
            ignored[why] += 1
    killed, timeout = tally.get("Killed", 0), tally.get("Timeout", 0)
    survived, no_coverage = tally.get("Survived", 0), tally.get("NoCoverage", 0)
    valid = killed + timeout + survived + no_coverage
    score = 100.0 * (killed + timeout) / valid if valid else 100.0
    raw_valid = valid + ignored["equivalent"] + ignored["choice_log"]
    raw_score = 100.0 * (killed + timeout) / raw_valid if raw_valid else 100.0
    print(f"{folder}\tmutants={valid}\tkilled={killed}\tsurvived={survived}\ttimeout={timeout}"
          f"\tno_coverage={no_coverage}\tcompile_error={tally.get('CompileError', 0)}\tignored={tally.get('Ignored', 0)}"
          f"\tignored_equivalent={ignored['equivalent']}\tignored_choice_log={ignored['choice_log']}"
          f"\tscore={score:.2f}\traw_score={raw_score:.2f}")


def offset(source, position):
    """The character offset of a 1-based line/column position, as Roslyn counts it (the span the --mutate filter matches)."""
    lines = source.split("\n")
    return sum(len(line) + 1 for line in lines[: position["line"] - 1]) + position["column"] - 1


def retest(report_path, folder):
    patterns = {}
    for name, file, mutant in mutants(load(report_path), folder):
        if mutant["status"] in UNDETECTED:
            start = offset(file["source"], mutant["location"]["start"])
            end = offset(file["source"], mutant["location"]["end"])
            patterns.setdefault(name, set()).add(f"{{{start}..{end}}}")
    for name, spans in patterns.items():
        print("**/src/Ect/" + name + "".join(sorted(spans)))


def key(report, name, mutant):
    location = mutant["location"]
    return (relative(report, name), mutant["mutatorName"], mutant.get("replacement"),
            location["start"]["line"], location["start"]["column"], location["end"]["line"], location["end"]["column"])


def merge(base_path, partial_path, out_path):
    base, partial = load(base_path), load(partial_path)
    tested = {key(partial, name, m): m for name, file in partial["files"].items() for m in file["mutants"] if m["status"] != "Ignored"}
    for name, file in base["files"].items():
        for mutant in file["mutants"]:
            newer = tested.get(key(base, name, mutant))
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


def main(args):
    commands = {"summary": (summary, 2), "retest": (retest, 2), "merge": (merge, 3), "survivors": (survivors, 2)}
    if not args or args[0] not in commands or len(args) - 1 != commands[args[0]][1]:
        print(__doc__, file=sys.stderr)
        return 2
    function, _ = commands[args[0]]
    function(*args[1:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
