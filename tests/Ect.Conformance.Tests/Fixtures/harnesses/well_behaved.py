#!/usr/bin/python3
"""Answers every case correctly: the control for the misbehaving ones."""
import fixture_harness

fixture_harness.serve()
