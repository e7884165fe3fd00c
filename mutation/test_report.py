#!/usr/bin/env python3
"""Tests of mutation/report.py, the incremental bookkeeping of mutation/run.sh (python3 -m unittest, from mutation/).

A mistake here would not fail a build: it would quietly keep a stale status in the mutation score, so each
command's promise is held by a test: carry moves statuses only across comment lines, retest asks again for what a
new comment may ignore, merge keeps what the partial run did not decide and names a detected mutant a comment hides,
the fingerprint ignores exactly comments, blank lines and the ignore-methods list, and the summary leaves out
exactly the marked classes (equivalent, choice log, unreachable).
"""
import contextlib
import io
import json
import os
import pathlib
import tempfile
import unittest

import report

SOURCE = "\n".join([
    "namespace Ect.Parsing;",                      # 1
    "",                                            # 2
    "internal static class Sample",                # 3
    "{",                                           # 4
    "    public static bool Small(int a) => a < 4;",  # 5
    "    public static bool Large(int a) => a > 9;",  # 6
    "    public static void Log(int a) => Touch(a);",  # 7
    "}",                                           # 8
])


def mutant(ident, line, status, replacement="a <= 4", mutator="Equality", reason=None):
    found = {"id": ident, "mutatorName": mutator, "replacement": replacement, "status": status,
             "location": {"start": {"line": line, "column": 41}, "end": {"line": line, "column": 46}}}
    if reason is not None:
        found["statusReason"] = reason
    return found


def report_of(source, *mutants):
    return {"projectRoot": "/elsewhere/src/Ect",
            "files": {"/elsewhere/src/Ect/Parsing/Sample.cs": {"source": source, "mutants": list(mutants)}}}


class ReportTests(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.TemporaryDirectory()
        self.root = pathlib.Path(self.directory.name)
        (self.root / "src" / "Parsing").mkdir(parents=True)

    def tearDown(self):
        self.directory.cleanup()

    def write_source(self, text):
        (self.root / "src" / "Parsing" / "Sample.cs").write_text(text, encoding="utf-8")

    def write_json(self, name, value):
        path = self.root / name
        path.write_text(json.dumps(value), encoding="utf-8")
        return str(path)

    def run_quietly(self, function, *args):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            function(*args)
        return out.getvalue(), err.getvalue()

    def lines_of(self, path):
        loaded = report.load(path)
        return {m["id"]: m["location"]["start"]["line"] for f in loaded["files"].values() for m in f["mutants"]}

    def test_carry_moves_every_mutant_past_inserted_comment_lines(self):
        path = self.write_json("r.json", report_of(SOURCE, mutant("1", 5, "Survived"), mutant("2", 6, "Killed")))
        lines = SOURCE.split("\n")
        self.write_source("\n".join(lines[:4] + ["    // Stryker disable once Equality : why", ""] + lines[4:]))
        out, _ = self.run_quietly(report.carry, path, str(self.root / "src"))
        self.assertEqual(out.strip(), "1")
        self.assertEqual(self.lines_of(path), {"1": 7, "2": 8})

    def test_carry_refuses_a_changed_code_line(self):
        path = self.write_json("r.json", report_of(SOURCE, mutant("1", 5, "Survived")))
        self.write_source(SOURCE.replace("a > 9", "a > 8"))
        with self.assertRaises(SystemExit):
            self.run_quietly(report.carry, path, str(self.root / "src"))
        self.assertEqual(self.lines_of(path), {"1": 5})

    def test_carry_leaves_an_unchanged_report_alone(self):
        path = self.write_json("r.json", report_of(SOURCE, mutant("1", 5, "Survived")))
        self.write_source(SOURCE)
        out, _ = self.run_quietly(report.carry, path, str(self.root / "src"))
        self.assertEqual(out.strip(), "0")

    def test_retest_asks_for_undetected_and_ignored_mutants_and_detected_ones_a_comment_or_ignored_method_may_cover(self):
        lines = SOURCE.split("\n")
        source = "\n".join(lines[:5] + ["    // Stryker disable once Equality : why"] + lines[5:])
        path = self.write_json("r.json", report_of(
            source,
            mutant("undetected", 5, "NoCoverage"),
            mutant("killed-plain", 5, "Killed", replacement="a > 4"),
            mutant("killed-under-comment", 7, "Killed"),
            mutant("killed-in-ignored-call", 8, "Killed"),
            mutant("ignored-by-a-comment-since-removed", 3, "Ignored", reason="why"),
            mutant("block-already-covered", 4, "Ignored", reason="Removed by block already covered filter")))
        config = self.write_json("c.json", {"stryker-config": {"ignore-methods": ["*Sample.Touch"]}})
        out, _ = self.run_quietly(report.retest, path, "Parsing", config)
        (pattern,) = out.split()
        spans = pattern[len("**/src/Ect/Parsing/Sample.cs"):].strip("{}").split("}{")
        self.assertEqual(len(spans), 4, pattern)
        starts = sorted(int(span.split("..")[0]) for span in spans)
        self.assertEqual(starts, sorted(report.offset(source, {"line": line, "column": 41}) for line in (3, 5, 7, 8)))

    def test_a_disable_once_comment_covers_its_whole_statement(self):
        source = "\n".join([
            "    // Stryker disable once all : why",   # 1
            "    if (a < 4 &&",                      # 2
            "        b > 9)",                        # 3
            "        return c;",                     # 4
            "    return d;",                         # 5
        ])
        self.assertEqual(report.ignorable_lines(source, []), {2, 3, 4})

    def test_merge_takes_what_the_partial_run_decided_and_names_a_detected_mutant_now_ignored(self):
        base = self.write_json("base.json", report_of(
            SOURCE, mutant("1", 5, "Survived"), mutant("2", 6, "Killed"), mutant("3", 7, "Survived")))
        partial = self.write_json("partial.json", report_of(
            SOURCE,
            mutant("a", 5, "Killed"),
            mutant("b", 6, "Ignored", reason="a comment's reason"),
            mutant("c", 7, "Ignored", reason="Removed by mutate filter")))
        merged = str(self.root / "merged.json")
        _, err = self.run_quietly(report.merge, base, partial, merged)
        statuses = {m["id"]: m["status"] for f in report.load(merged)["files"].values() for m in f["mutants"]}
        self.assertEqual(statuses, {"1": "Killed", "2": "Ignored", "3": "Survived"})
        self.assertIn("detected before, ignored now", err)
        self.assertIn("Parsing/Sample.cs:6", err)

    def test_fingerprint_ignores_comments_blank_lines_and_ignore_methods_only(self):
        engine = self.root / "engine"
        engine.mkdir()
        config = engine / "stryker-config.json"

        def fingerprint(source, methods):
            (engine / "Sample.cs").write_text(source, encoding="utf-8")
            config.write_text(json.dumps({"stryker-config": {"ignore-methods": methods, "configuration": "Release"}}))
            out, _ = self.run_quietly(report.fingerprint, str(engine))
            return out.strip()

        first = fingerprint(SOURCE, ["*Log"])
        self.assertEqual(fingerprint("// a comment\n\n" + SOURCE, ["*Log", "*Touch"]), first)
        self.assertNotEqual(fingerprint(SOURCE.replace("a < 4", "a <= 4"), ["*Log"]), first)

    def test_summary_leaves_out_the_marked_classes_and_the_raw_score_counts_them(self):
        path = self.write_json("report.json", report_of(
            SOURCE,
            mutant("1", 5, "Killed"), mutant("2", 5, "Killed"), mutant("3", 5, "Killed"),
            mutant("4", 6, "Survived"),
            mutant("5", 6, "Ignored", reason="the bound is a cost, not a rule"),
            mutant("6", 7, "Ignored", reason="choice log: read only by the fuzz oracle"),
            mutant("7", 5, "Ignored", reason="unreachable: no harness request passes a null"),
            mutant("8", 5, "Ignored", reason="Removed by block already covered filter")))
        out, _ = self.run_quietly(report.summary, path, "Parsing")
        fields = dict(field.split("=") for field in out.strip().split("\t")[1:])
        self.assertEqual((fields["mutants"], fields["ignored"]), ("4", "4"))
        self.assertEqual((fields["ignored_equivalent"], fields["ignored_choice_log"], fields["ignored_unreachable"]),
                         ("1", "1", "1"))
        self.assertEqual((fields["score"], fields["raw_score"]), ("75.00", "42.86"))

    def test_marked_lists_each_mutant_left_out_with_its_class_and_reason(self):
        path = self.write_json("report.json", report_of(
            SOURCE,
            mutant("1", 5, "Killed"),
            mutant("2", 6, "Ignored", reason="the bound is a cost, not a rule"),
            mutant("3", 5, "Ignored", reason="unreachable: no harness request passes a null"),
            mutant("4", 5, "Ignored", reason="Removed by block already covered filter")))
        out, _ = self.run_quietly(report.marked, path, "Parsing")
        rows = [line.split("\t") for line in out.strip().split("\n")]
        self.assertEqual([(row[0], row[1], row[3]) for row in rows],
                         [("equivalent", "Parsing/Sample.cs:6:41", "the bound is a cost, not a rule"),
                          ("unreachable", "Parsing/Sample.cs:5:41", "unreachable: no harness request passes a null")])

    def test_carry_passes_over_a_file_outside_the_mutate_filter(self):
        self.write_source("// a new comment\n" + SOURCE)
        (self.root / "src" / "Parsing" / "Other.cs").write_text("namespace Ect.Parsing;\n", encoding="utf-8")
        value = report_of(SOURCE, mutant("1", 5, "Killed"))
        value["files"]["/elsewhere/src/Ect/Parsing/Other.cs"] = {"source": "File ignored by mutate filter", "mutants": []}
        path = self.write_json("report.json", value)
        out, _ = self.run_quietly(report.carry, path, str(self.root / "src"))
        self.assertEqual(out.strip(), "1")
        self.assertEqual(self.lines_of(path), {"1": 6})

    def test_total_adds_the_folders_up_and_counts_the_unreachable_apart(self):
        for folder, line in (("Dag", "mutants=10\tkilled=8\ttimeout=1\tignored_equivalent=2\tignored_choice_log=0\tignored_unreachable=2"),
                             ("Ledger", "mutants=10\tkilled=9\ttimeout=0\tignored_equivalent=0\tignored_choice_log=1\tignored_unreachable=3")):
            (self.root / folder).mkdir()
            (self.root / folder / "summary.tsv").write_text(folder + "\t" + line + "\n", encoding="utf-8")
        out, _ = self.run_quietly(report.total, str(self.root), "Dag", "Ledger")
        self.assertIn("18/20 detected, score 90.00 %", out)
        self.assertIn("with the unreachable counted 72.00 %", out)
        self.assertIn("raw score with all three counted 64.29 %", out)


if __name__ == "__main__":
    os.chdir(os.path.dirname(os.path.abspath(__file__)))
    unittest.main()
