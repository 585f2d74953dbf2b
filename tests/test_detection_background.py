"""The ordered background worker that vectorises and writes finished blocks (detection/background.py)."""

from __future__ import annotations

import threading
import time

import pytest

from orca_huntr.detection.background import OrderedWorker


def test_jobs_run_in_order_on_one_other_thread():
    seen: list[tuple[int, str]] = []
    worker = OrderedWorker(depth=1)
    for k in range(20):
        worker.put(lambda k=k: seen.append((k, threading.current_thread().name)))
    worker.close()
    assert [k for k, _ in seen] == list(range(20))
    assert {name for _, name in seen} == {"huntr-vectorise"}


def test_put_waits_while_depth_jobs_are_queued():
    release = threading.Event()
    worker = OrderedWorker(depth=1)
    worker.put(release.wait)  # running
    worker.put(lambda: None)  # queued: the queue is now full
    blocked = threading.Thread(target=lambda: worker.put(lambda: None))
    blocked.start()
    time.sleep(0.2)
    assert blocked.is_alive()  # bounded: a third job waits for room
    release.set()
    blocked.join(5)
    assert not blocked.is_alive()
    worker.close()


def test_a_failed_job_is_raised_in_the_caller_and_later_jobs_are_skipped():
    ran: list[int] = []
    worker = OrderedWorker()

    def fail():
        raise ValueError("broken block")

    worker.put(fail)
    time.sleep(0.1)
    with pytest.raises(ValueError, match="broken block"):
        worker.put(lambda: ran.append(1))
    worker.close()  # the error was handed over once; later jobs were skipped
    assert ran == []


def test_close_raises_an_error_not_yet_handed_over():
    worker = OrderedWorker()
    worker.put(lambda: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        worker.close()


def test_abort_skips_queued_jobs_and_forgets_errors():
    ran: list[int] = []
    gate = threading.Event()
    worker = OrderedWorker(depth=2)
    worker.put(gate.wait)
    worker.put(lambda: ran.append(1))
    worker.put(lambda: ran.append(2))
    threading.Timer(0.1, gate.set).start()
    worker.abort()
    assert ran == []


def test_array_pool_reuses_whole_arrays_by_shape_and_dtype():
    import numpy as np

    from orca_huntr.detection.buffers import ArrayPool

    pool = ArrayPool(keep=1)
    a = pool.zeros((2, 3, 4))
    assert a.dtype == np.float32 and not a.any()
    a[:] = 7
    pool.give_back(a)
    b = pool.zeros((2, 3, 4))
    assert b is a and not b.any() and pool.reused == 1  # the same memory, zeroed again
    assert pool.empty((2, 3, 4), np.uint8) is not a  # another dtype: a new array
    pool.give_back(b)
    pool.give_back(np.empty((2, 3, 4), np.float32))  # over ``keep``: dropped
    assert pool.empty((2, 3, 4)) is b
    with pytest.raises(ValueError, match="views"):
        pool.give_back(b[0])
