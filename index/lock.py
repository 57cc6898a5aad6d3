"""One writer per archive: an OS lock (`flock`) on `writer.lock`, so the kernel decides who holds
it and releases it when its holder exits, however it exits. The file names the holder's pid, for
messages only: a lock left by a killed process is free, and taking it says so."""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable
from pathlib import Path

from errors import StoreError

DYING = 5.0  # seconds to wait for a lock whose writer is gone (its worker processes still exiting)


class WriterLock:
    """`with WriterLock(path, notice):` holds the archive's writer lock, or raises StoreError
    naming the process that holds it."""

    def __init__(self, path: Path, notice: Callable[[str], None]):
        self.path, self.notice = path, notice
        self.fd: int | None = None

    def __enter__(self) -> WriterLock:
        deadline = time.monotonic() + DYING
        while True:
            fd = _open(self.path)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _pid_in(fd)
                os.close(fd)
                if holder and alive(holder) or time.monotonic() > deadline:
                    raise StoreError(_busy(holder, self.path)) from None
                time.sleep(0.05)  # a holder about to write its pid, or a killed writer's workers exiting
                continue
            if _same_file(fd, self.path):
                break
            os.close(fd)  # the writer before us removed this file as it left: lock the new one
        left = _pid_in(fd)
        if left and left != os.getpid():
            how = "it did not exit cleanly" if not alive(left) else "it no longer holds it"
            self.notice(f"took over a stale writer lock left by process {left} ({how})")
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self.fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self.fd is not None:
            self.path.unlink(missing_ok=True)  # still locked: a writer waiting on it will look again
            os.close(self.fd)
            self.fd = None


def held_here(path: Path) -> bool:
    """Whether this process holds the lock (its pid is written only while it does)."""
    try:
        return int(path.read_text().strip() or 0) == os.getpid()
    except (OSError, ValueError):
        return False


def _open(path: Path) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        raise StoreError(f"cannot open the writer lock {path}: {e.strerror}") from None


def _busy(holder: int | None, path: Path) -> str:
    if holder and alive(holder):
        return f"the archive is being written by process {holder} (lock {path})"
    if holder:
        return f"the archive is still locked by the worker processes of process {holder}, which has exited: try again in a moment (lock {path})"
    return f"the archive is being written by another process (lock {path})"


def _pid_in(fd: int) -> int | None:
    try:
        return int(os.pread(fd, 32, 0).decode().strip() or 0) or None
    except (OSError, ValueError):
        return None


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.fstat(fd).st_ino == os.stat(path).st_ino
    except FileNotFoundError:
        return False


def alive(pid: int) -> bool:
    """Whether a process of this pid exists (owned by anyone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
