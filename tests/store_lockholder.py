"""Test helper: hold a workspace's write lock until killed (prints ``locked`` once it holds it)."""

from __future__ import annotations

import sys
import time

from orca_huntr.snapshots.lock import WorkspaceLock

if __name__ == "__main__":
    lock = WorkspaceLock(sys.argv[1])
    lock.acquire(10)
    print("locked", flush=True)
    time.sleep(600)
