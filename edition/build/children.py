"""Child processes end with the command that started them, however it ends.

The render's workers (:mod:`edition.build.parallel`), MkDocs' build (:func:`edition.build.commands.build`)
and Pagefind (:mod:`edition.build.searchindex`) never outlive the process that started them:
none may go on writing after a command has been interrupted or killed. A child asks
the kernel, before its program runs, to be killed when its parent dies
(:func:`dying_with`, Linux's ``PR_SET_PDEATHSIG``), which holds even when the parent
is killed outright; a child started in a process group of its own is ended with every
process of its group when its parent is interrupted (:func:`end_group`).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Callable

PR_SET_PDEATHSIG = 1
"""``prctl`` option: the signal a process gets when its parent dies (Linux, ``<sys/prctl.h>``)."""


def dying_with(parent: int, sent: int = signal.SIGKILL) -> Callable[[], None] | None:
    """What a new process runs first, on Linux, to be sent ``sent`` when the process ``parent`` dies
    (``preexec_fn`` of :class:`subprocess.Popen`, or a pool's initializer); ``None`` elsewhere.

    If ``parent`` died before the request was made, the process sends itself ``sent`` at once.
    """
    if sys.platform != "linux":
        return None
    import ctypes

    prctl = ctypes.CDLL(None, use_errno=True).prctl  # looked up here: the new process only calls it

    def die_with_parent() -> None:  # takes no lock: safe in a child forked while other threads run (serve)
        if prctl(PR_SET_PDEATHSIG, sent, 0, 0, 0) == 0 and os.getppid() != parent:
            os.kill(os.getpid(), sent)

    return die_with_parent


def end_group(process: subprocess.Popen[str] | subprocess.Popen[bytes]) -> None:
    """Kill every process of the group that ``process`` leads, and wait for ``process`` to end."""
    with contextlib.suppress(ProcessLookupError):  # the group has no process left
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
