"""Writing a fixed file: atomically (a temporary file in the same folder, then os.replace), with
the file's BOM and permissions kept, and never over a file that changed since it was read."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


class Changed(Exception):
    """The file on disk is not the text that was linted and fixed."""


def write_fixed(path: Path, original: str, fixed: str) -> None:
    """Replace `path`'s text `original` by `fixed`. Raises Changed if the file no longer holds
    `original`, OSError if it cannot be written."""
    data = path.read_bytes()
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        current = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise Changed(str(path)) from error
    if current != original:
        raise Changed(str(path))
    payload = (b"\xef\xbb\xbf" if bom else b"") + fixed.encode("utf-8")
    mode = path.stat().st_mode & 0o7777
    directory = path.parent
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".initlint-tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        # one more look right before the swap: an editor may have saved meanwhile
        if path.read_bytes() != data:
            raise Changed(str(path))
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
