"""The cyclic garbage collector, paused while gongkai starts.

Start-up (importing the modules, building the commands, reading the options) creates
thousands of long-lived objects and next to no garbage, and the collector would scan
them some 25 times for nothing: about 3 ms of a 60 ms start. It is paused before the
imports (cli/__init__.py); when a command starts running, what start-up built is moved
out of the collector's sight (``gc.freeze``) and collection resumes, so that a long
``--batch`` run collects as usual.
"""

from __future__ import annotations

import gc

_paused = False


def pause_collector() -> None:
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_collector() -> None:
    """Resume collecting, if start-up paused it (only the first time: a program that
    calls ``main`` again, as the tests do, is left alone)."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
