"""Scene fingerprints: recognise the same raster again without hashing gigabytes."""

from __future__ import annotations

import hashlib
import os

_SAMPLE = 1 << 20  # bytes read from the start and from the end of a file


def fingerprint(source: str) -> str:
    """A stable fingerprint of a raster source.

    For a local file: sha256 of its size, its first and its last MiB
    (``sha256-sampled:<hex>``). For anything else (``/vsicurl/…``, a database URI):
    sha256 of the source string (``sha256-source:<hex>``).
    """
    if os.path.isfile(source):
        digest = hashlib.sha256()
        size = os.path.getsize(source)
        digest.update(str(size).encode() + b"\0")
        with open(source, "rb") as fh:
            digest.update(fh.read(_SAMPLE))
            if size > _SAMPLE:
                fh.seek(max(_SAMPLE, size - _SAMPLE))
                digest.update(fh.read(_SAMPLE))
        return "sha256-sampled:" + digest.hexdigest()
    return "sha256-source:" + hashlib.sha256(source.encode("utf-8")).hexdigest()
