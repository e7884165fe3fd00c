#!/usr/bin/python3
"""Runs the corpus against every slip harness and prints the table of README.md.

    tests/harness-slips/measure.py [--vectors DIR] [--out DIR] [NAME ...]

Run from the repository root after `dotnet build src/Ect.Conformance.Cli -c Release`. A slip is
caught when at least one run does not pass (fail, pass-verdict, errored...); `failed` counts the
wrong verdicts among them. Reports go to --out/NAME (default /tmp/slips/NAME).
"""

import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CLI = os.path.join("src", "Ect.Conformance.Cli", "bin", "Release", "net10.0", "ect-conformance.dll")


def slip_names():
    with open(os.path.join(HERE, "slips.txt"), encoding="utf-8") as table:
        return [line.split("\t")[0] for line in table if line.strip()]


def measure(name, vectors, out):
    report = os.path.join(out, name)
    harness = f"/usr/bin/python3 -B {os.path.relpath(os.path.join(HERE, 'slip_harness.py'))} {name}"
    status = subprocess.run(["dotnet", CLI, "run", "--harness", harness, "--vectors", vectors, "--report-dir", report],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    if status == 2:
        return name, None
    runs = json.load(open(os.path.join(report, "results.json"), encoding="utf-8"))["runs"]
    bad = [r for r in runs if r["declared"] and r["outcome"] not in ("pass", "skipped")]
    failed = [r for r in bad if r["outcome"] == "fail"]
    rules = sorted({rule for r in bad for rule in r["rules"]})
    return name, (len(bad), len(failed), rules, [r["key"] for r in bad])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vectors", default="vectors")
    parser.add_argument("--out", default="/tmp/slips")
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()
    names = args.names or ["none", "other-side"] + slip_names()
    print("| slip | runs not passed | of them wrong verdicts | rules of those runs |")
    print("| --- | ---: | ---: | --- |")
    for name in names:
        name, result = measure(name, args.vectors, args.out)
        if result is None:
            print(f"| `{name}` | could not run | | |")
            continue
        bad, failed, rules, keys = result
        print(f"| `{name}` | {bad or '**0: missed**'} | {failed} | {', '.join(rules)} |", flush=True)
        if bad and len(keys) <= 4:
            print(f"<!-- {name}: {' '.join(keys)} -->", file=sys.stderr)


if __name__ == "__main__":
    main()
