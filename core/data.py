"""Loading, validating and saving the data a logistic regression is trained on.

A data file is a small CSV: every column but the last is a numeric feature and the last column is
the 0/1 label. :func:`read_csv` turns such a file into a :class:`Dataset` or raises a
:class:`DataError` whose message names the line and column a user has to fix.

Reading is about as fast as ``pandas.read_csv`` without pandas: the bytes are read in chunks
of 256 KB and each chunk is parsed by vectorised numpy code that understands plain decimal
numbers (``-12.345``, ``7``, ``0.1234567890123456``) and label words, and hands odd cells such as
``1e-05`` to ``float()``. Whenever it meets anything it cannot vouch for -- a quote, an empty
cell, a ragged row, a cell that is not a finite number or a label -- it gives up on the chunk,
and the slow per-line parser, which is the one that defines the rules, parses the chunk again
and names the exact line and column of the problem. The slow parser is therefore the
specification and the fast one an optimisation that must agree with it bit for bit;
``tests/core/test_data.py`` fuzzes that.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final, NoReturn

import numpy as np
import numpy.typing as npt

from core.model import LABEL_DTYPE, label_known, label_values

__all__ = [
    "DataError",
    "Dataset",
    "ImportCancelled",
    "example_dataset",
    "parse_csv_text",
    "parse_label",
    "read_csv",
    "write_csv",
]

FloatArray = npt.NDArray[np.float64]
_UIntArray = npt.NDArray[np.uint64]
_IntArray = npt.NDArray[np.intp]


class DataError(ValueError):
    """Bad input data.

    ``str(err)`` is one sentence meant for the user, naming the line and column where it can.

    Parameters
    ----------
    message : str
        The sentence shown to the user.
    line : int or None
        1-based line number in the file (the header is line 1), if the problem has a place.
    column : str or None
        The column's header name, or ``"column 2"`` when the file has no header.
    """

    def __init__(self, message: str, *, line: int | None = None, column: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column

    def __reduce__(self) -> tuple[object, ...]:
        # The keyword-only arguments would otherwise be lost when the error crosses a process.
        return (_rebuild_data_error, (self.message, self.line, self.column))


def _rebuild_data_error(message: str, line: int | None, column: str | None) -> DataError:
    return DataError(message, line=line, column=column)


class ImportCancelled(Exception):
    """Raised by :func:`read_csv` when its ``cancel`` event was set while it was reading."""


@dataclass(frozen=True, eq=False, repr=False)
class Dataset:
    """A validated table of features and 0/1 labels.

    Construction validates everything and raises :class:`DataError`; a ``Dataset`` that exists is
    always usable for training. Equality is identity (arrays have no single truth value); compare
    contents with ``numpy.array_equal``.

    Parameters
    ----------
    features : numpy.ndarray
        float64, shape ``(n, d)`` with ``n >= 1`` and ``d >= 1``, C-contiguous, all finite.
    labels : numpy.ndarray
        uint8 (what :func:`read_csv` gives: one byte per row, see ``core.model.LABEL_DTYPE``) or
        float64, shape ``(n,)``, every value exactly 0 or 1.
    feature_names : tuple of str
        ``d`` names. Any sequence of str is accepted and stored as a tuple.
    label_name : str
        Name of the label column.

    Notes
    -----
    Names must be non-empty, free of line breaks and of surrounding whitespace (so that a file
    written by :func:`write_csv` reads back with the same names), and all ``d + 1`` names must be
    distinct. The arrays are not copied and stay writable.
    """

    features: FloatArray
    labels: FloatArray
    feature_names: tuple[str, ...]
    label_name: str

    def __post_init__(self) -> None:
        features, labels = self.features, self.labels
        if not isinstance(features, np.ndarray) or features.dtype != np.float64:
            raise DataError("The features must be a float64 numpy array.")
        if features.ndim != 2 or features.shape[0] < 1 or features.shape[1] < 1:
            raise DataError(
                f"The features must have shape (rows, columns) with at least one of each; "
                f"got shape {features.shape}."
            )
        if not features.flags.c_contiguous:
            raise DataError("The features array must be C-contiguous.")
        n, d = features.shape
        if not isinstance(labels, np.ndarray) or labels.dtype not in (np.float64, LABEL_DTYPE):
            raise DataError("The labels must be a uint8 or float64 numpy array.")
        if labels.shape != (n,):
            raise DataError(
                f"The labels must have shape ({n},) to match the features; got {labels.shape}."
            )

        given: object = self.feature_names  # typed as a tuple, but lists arrive at run time
        if isinstance(given, str) or not isinstance(given, Sequence):
            raise DataError("The feature names must be a sequence of strings.")
        names = tuple(given)
        object.__setattr__(self, "feature_names", names)
        if len(names) != d:
            raise DataError(f"There are {d} feature columns but {len(names)} feature names.")
        seen: set[str] = set()
        for name in (*names, self.label_name):
            _check_name(name)
            if name in seen:
                raise DataError(f'The column name "{name}" is used twice.', column=name)
            seen.add(name)

        finite = np.isfinite(features)
        if not finite.all():
            row, col = (int(i) for i in np.argwhere(~finite)[0])
            raise DataError(
                f'Row {row + 1}, column "{names[col]}": {_show(features[row, col])} is not a '
                f"finite number.",
                column=names[col],
            )
        is_label = labels <= 1 if labels.dtype == LABEL_DTYPE else (labels == 0.0) | (labels == 1.0)
        if not is_label.all():
            row = int(np.argmin(is_label))
            raise DataError(
                f'Row {row + 1}, column "{self.label_name}": {_show(labels[row])} is not a '
                f"label (labels must be 0 or 1).",
                column=self.label_name,
            )

    @property
    def n_rows(self) -> int:
        """Number of examples (rows)."""
        return int(self.features.shape[0])

    @property
    def n_features(self) -> int:
        """Number of feature columns."""
        return int(self.features.shape[1])

    def __repr__(self) -> str:
        return (
            f"Dataset(n_rows={self.n_rows}, feature_names={self.feature_names!r}, "
            f"label_name={self.label_name!r})"
        )


def _show(value: object) -> str:
    """A number for a message, as a person writes it (``inf``, ``2``, ``0.5``, ``1e+300``)."""
    number = float(value)  # type: ignore[arg-type]
    if math.isnan(number):
        return "an empty value (NaN)"
    if not math.isfinite(number):
        return str(number)
    # repr is the shortest text that reads back as the same float; "2" reads better than "2.0".
    return str(int(number)) if number.is_integer() and abs(number) < 1e16 else repr(number)


def _check_name(name: object) -> None:
    if not isinstance(name, str):
        raise DataError(f"Column names must be strings, not {type(name).__name__}.")
    if not name.strip():
        raise DataError("Column names must not be empty.")
    if name != name.strip() or "\n" in name or "\r" in name:
        shown = _clip(name.strip().replace("\n", " ").replace("\r", " "))
        raise DataError(
            f'The column name "{shown}" must not have surrounding whitespace or line breaks.',
            column=name,
        )


def complete_rows(features: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The rows without a missing (NaN) value, as training uses them.

    ``features`` as ``(n, d)`` and ``labels`` as ``(n,)``: the arrays themselves (no copy) when
    every row is complete, which a sum and a maximum tell without an n-sized temporary (a NaN,
    or infinities that cancel, make a sum NaN; only then are the rows masked and copied). Labels
    kept as bytes (``core.model.LABEL_DTYPE``) mark a missing one with a value above 1.
    """
    x = np.asarray(features, dtype=np.float64)
    x = x.reshape(len(x), -1) if x.ndim != 2 else x
    y = label_values(labels).reshape(-1)
    if len(y) == 0:
        return x, y
    with np.errstate(invalid="ignore", over="ignore"):
        compact = y.dtype == LABEL_DTYPE
        labels_ok = int(y.max()) <= 1 if compact else not math.isnan(float(y.sum()))
        if labels_ok and not math.isnan(float(x.sum())):
            return x, y
    keep = label_known(y) & ~np.isnan(x).any(axis=1)
    if keep.all():
        return x, y
    return x[keep], y[keep]


def example_dataset() -> Dataset:
    """The seed data: hours studied 1, 2, 3, 4 and passed 0, 0, 1, 1.

    Returns
    -------
    Dataset
        Four rows, one feature named ``"hours"``, label named ``"passed"``.
    """
    return Dataset(
        features=np.array([[1.0], [2.0], [3.0], [4.0]]),
        labels=np.array([0, 0, 1, 1], dtype=LABEL_DTYPE),
        feature_names=("hours",),
        label_name="passed",
    )


# ----------------------------------------------------------------------------------------------
# Cell rules (the specification; the fast path must agree with these)

_LABEL_WORDS: Final[dict[str, float]] = {
    "0": 0.0,
    "1": 1.0,
    "false": 0.0,
    "true": 1.0,
    "no": 0.0,
    "yes": 1.0,
    "fail": 0.0,
    "pass": 1.0,
}
_LABEL_HELP: Final = "use 0/1, true/false, yes/no or pass/fail"


def _to_float(cell: str) -> float | None:
    """``float(cell)`` under the file rules, or None when the cell is not a number.

    ``float`` alone is too lenient for a data file: it takes digits from any script and ``_``
    separators, which a spreadsheet would show as text.
    """
    if not cell.isascii() or "_" in cell:
        return None
    try:
        return float(cell)
    except ValueError:
        return None


def parse_label(text: str) -> float:
    """Turn one label cell into 0.0 or 1.0.

    Parameters
    ----------
    text : str
        ``0``/``1``, ``true``/``false``, ``yes``/``no`` or ``pass``/``fail`` in any letter case,
        with any surrounding whitespace. Numbers equal to 0 or 1 in another spelling (``1.0``,
        ``0.0``, ``1e0``) are accepted too.

    Returns
    -------
    float
        0.0 or 1.0.

    Raises
    ------
    ValueError
        If ``text`` is none of these.
    """
    key = text.strip().lower()
    value = _LABEL_WORDS.get(key)
    if value is not None:
        return value
    number = _to_float(key)
    # Spelled as a number so "1.0" (pandas writes labels like that) works; -0.0 becomes 0.0.
    if number == 0.0:
        return 0.0
    if number == 1.0:
        return 1.0
    raise ValueError(f'"{_clip(text.strip())}" is not a label; {_LABEL_HELP}.')


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


_DECIMAL_COMMA: Final = re.compile(r"[+-]?\d*,\d+")
# 1,000 or 12,345,678.5 (commas between groups of three); 1.234,5 (dots between groups).
_COMMA_GROUPS: Final = re.compile(r"([+-]?)(\d{1,3}(?:,\d{3})+)(\.\d+)?")
_DOT_GROUPS_DECIMAL_COMMA: Final = re.compile(r"([+-]?)(\d{1,3}(?:\.\d{3})+),(\d+)")


def _comma_hint(cell: str) -> str | None:
    """How to write a number spelled with a comma, without guessing 1,000 to mean 1.

    Returns a parenthesised hint, or None when the cell does not look like such a number.
    """
    match = _COMMA_GROUPS.fullmatch(cell)
    if match:
        sign, groups, fraction = match.groups()
        plain = sign + groups.replace(",", "") + (fraction or "")
        if fraction is None and groups.count(",") == 1:
            # 1,000 is a thousand to some readers and one to others: name both.
            return (
                f'(write {plain} if "," separates thousands, or '
                f"{sign + groups.replace(',', '.')} if it is a decimal comma)"
            )
        return f"(write it without thousands separators: {plain})"
    match = _DOT_GROUPS_DECIMAL_COMMA.fullmatch(cell)
    if match:
        sign, groups, fraction = match.groups()
        return f"(write it as {sign}{groups.replace('.', '')}.{fraction})"
    if _DECIMAL_COMMA.fullmatch(cell):
        return f'(use "." as the decimal point: {cell.replace(",", ".")})'
    return None


# ----------------------------------------------------------------------------------------------
# Reading

# Chunks of a few hundred KB keep the fast path's temporary arrays in the CPU caches: on a
# 1e6-row file 256 KB was fastest, and 4 MB chunks took twice as long.
_CHUNK_BYTES: Final = 1 << 18
_BOM: Final = b"\xef\xbb\xbf"
_SNIFF_LINES: Final = 20
_SNIFF_BYTES: Final = 1 << 20  # ...or fewer lines if they are this long
_DELIMITERS: Final = ("\t", ";", ",")  # preference order when several fit (1,5;0 is European)
MAX_LINE_BYTES: Final = 1 << 20
"""The longest line a CSV may have (1 MiB): a longer one is refused with its number, which keeps
reading linear in the file's size whatever it holds (a file with no line break, ``/dev/zero``)."""


def read_csv(
    path: str | os.PathLike[str],
    *,
    progress: Callable[[float], None] | None = None,
    cancel: threading.Event | None = None,
) -> Dataset:
    """Read a CSV file of numeric features and a 0/1 label in the last column.

    Parameters
    ----------
    path : str or os.PathLike
        The file. UTF-8 with or without BOM, delimiter ``,`` ``;`` or tab (detected), optional
        header row, LF or CRLF line ends; blank lines are ignored.
    progress : callable, optional
        Called with the fraction of the file parsed so far, in [0, 1], at most about 100 times;
        the last call is with 1.0.
    cancel : threading.Event, optional
        Checked between chunks; when set, reading stops with :class:`ImportCancelled`.

    Returns
    -------
    Dataset
        The complete data; nothing is returned for a partly read file.

    Raises
    ------
    DataError
        If the file cannot be read or its content breaks a rule; the message names the line and
        column (also in ``err.line`` and ``err.column``).
    ImportCancelled
        If ``cancel`` was set.
    """
    path_str = os.fspath(path)
    subject = f'The file "{os.path.basename(path_str) or path_str}"'
    try:
        with open(path_str, "rb") as handle:
            try:
                total = os.fstat(handle.fileno()).st_size
            except OSError:
                total = 0
            return _parse_stream(
                handle.read, total, _Source(subject, is_file=True), progress, cancel
            )
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        raise DataError(f"{subject} could not be read: {reason}.") from exc


def parse_csv_text(text: str) -> Dataset:
    """Parse CSV data held in a string (pasted text), with the same rules as :func:`read_csv`.

    Parameters
    ----------
    text : str
        The CSV content.

    Returns
    -------
    Dataset

    Raises
    ------
    DataError
        If the text breaks a rule; the message names the line and column.
    """
    return _parse_bytes(text.encode("utf-8", "surrogatepass"), _Source("The text", is_file=False))


def _parse_bytes(blob: bytes, source: _Source, *, fast: bool = True) -> Dataset:
    return _parse_stream(io.BytesIO(blob).read, len(blob), source, None, None, fast=fast)


@dataclass(frozen=True)
class _Source:
    subject: str  # 'The file "x.csv"' or 'The text', starts the whole-input messages
    is_file: bool


def _split_lines(
    buffer: bytes, eof: bool, line0: int, source: _Source
) -> tuple[bytes | None, bytes]:
    """``(complete lines, the rest)``; None when no line is complete yet. Bounds line length."""
    if eof:
        if len(buffer) > MAX_LINE_BYTES:
            _check_line_lengths(buffer, b"", line0, source)
        return buffer, b""
    cut = _cut_point(buffer)
    if cut == 0:
        if len(buffer) > MAX_LINE_BYTES:
            _line_too_long(line0, buffer, source)
        return None, buffer
    chunk, carry = buffer[:cut], buffer[cut:]
    if len(carry) > MAX_LINE_BYTES or len(chunk) > MAX_LINE_BYTES:
        _check_line_lengths(chunk, carry, line0, source)
    return chunk, carry


def _share(consumed: int, total: int) -> float:
    return min(consumed / total, 1.0) if total > 0 else 0.0


def _report(progress: Callable[[float], None], reported: float, fraction: float) -> float:
    """Report ``fraction`` when it moved by 1% (or is the end); return what was reported."""
    if fraction >= 1.0 or fraction - reported >= 0.01:
        progress(fraction)
        return fraction
    return reported


def _parse_stream(
    read: Callable[[int], bytes],
    total: int,
    source: _Source,
    progress: Callable[[float], None] | None,
    cancel: threading.Event | None,
    *,
    fast: bool = True,
) -> Dataset:
    parser = _Parser(source, fast=fast)
    carry = b""  # bytes read after the last complete line
    pending = b""  # complete lines held back until there are enough to sniff the delimiter
    line0 = 1  # line number of the first line of the next chunk
    pending_line0 = 1
    consumed = 0
    first_chunk = True
    seen_content = False
    reported = 0.0
    while True:
        if cancel is not None and cancel.is_set():
            raise ImportCancelled("The import was cancelled.")
        data = read(_CHUNK_BYTES)
        consumed += len(data)
        eof = not data
        split, carry = _split_lines(carry + data if carry else data, eof, line0, source)
        if split is None:  # no complete line yet: read on
            continue
        chunk = split
        if first_chunk and chunk:
            first_chunk = False
            chunk = chunk.removeprefix(_BOM)  # whole here: a chunk ends at a line break
        seen_content = seen_content or bool(chunk)
        if chunk:
            chunk, is_ascii = _clean_chunk(chunk, line0, source)
            lines = chunk.count(b"\n")
            if not parser.started:
                # The delimiter is chosen from the first lines, whatever the chunk size.
                if not pending:
                    pending_line0 = line0
                pending += chunk
                if not eof and len(pending) < _SNIFF_BYTES and not _enough_to_sniff(pending):
                    line0 += lines
                    continue
                chunk, is_ascii, pending = pending, pending.isascii(), b""
                parser.feed(chunk, pending_line0, is_ascii=is_ascii)
            else:
                parser.feed(chunk, line0, is_ascii=is_ascii)
            line0 += lines
        elif pending:
            parser.feed(pending, pending_line0, is_ascii=pending.isascii())
            pending = b""
        if progress is not None:
            reported = _report(progress, reported, 1.0 if eof else _share(consumed, total))
        if eof:
            break
    if not seen_content:
        raise DataError(f"{source.subject} is empty.")
    return parser.finish()


def _check_line_lengths(chunk: bytes, carry: bytes, line0: int, source: _Source) -> None:
    """Refuse the first line over ``MAX_LINE_BYTES`` in ``chunk`` (+ the incomplete ``carry``).

    Only called when ``chunk`` or ``carry`` is that long, which no sane CSV reaches, so the
    scan costs nothing on ordinary files and stays linear on any other.
    """
    text = chunk.replace(b"\r\n", b"\n").replace(b"\r", b"\n")  # as _clean_chunk does
    start, line = 0, line0
    while start < len(text):
        end = text.find(b"\n", start)
        end = len(text) if end < 0 else end
        if end - start > MAX_LINE_BYTES:
            _line_too_long(line, text[start:end], source)
        start, line = end + 1, line + 1
    if len(carry) > MAX_LINE_BYTES:
        _line_too_long(line, carry, source)


def _line_too_long(line: int, sample: bytes, source: _Source) -> NoReturn:
    if b"\x00" in sample[:MAX_LINE_BYTES] and source.is_file:
        raise DataError(f"{source.subject} is not a text file (UTF-8 CSV expected).", line=line)
    raise DataError(
        f"Line {line} is longer than {MAX_LINE_BYTES // (1 << 20)} MiB, the limit for one row "
        "of a CSV file (is it a CSV file, with line breaks between rows?).",
        line=line,
    )


def _enough_to_sniff(chunk: bytes) -> bool:
    """Whether ``chunk`` (complete lines) holds the lines the delimiter is chosen from."""
    found = pos = 0
    while found < _SNIFF_LINES:
        end = chunk.find(b"\n", pos)
        if end < 0:
            return False
        found += bool(chunk[pos:end].decode("utf-8").strip())
        pos = end + 1
    return True


def _cut_point(buffer: bytes) -> int:
    """End of the last complete line in ``buffer`` (0 if none is known to be complete)."""
    cut = buffer.rfind(b"\n") + 1
    if cut == 0:
        # An old-Mac file has only CRs. A CR as the very last byte may be half of a CRLF whose
        # LF comes with the next read, and cutting there would invent a blank line.
        cut = buffer.rfind(b"\r", 0, len(buffer) - 1) + 1
    return cut


def _clean_chunk(chunk: bytes, line0: int, source: _Source) -> tuple[bytes, bool]:
    """Validate a chunk as text and normalise line ends to LF; also says if it is all ASCII."""
    if b"\r" in chunk:
        chunk = chunk.replace(b"\r\n", b"\n")
        if b"\r" in chunk:
            chunk = chunk.replace(b"\r", b"\n")
    if not chunk.endswith(b"\n"):
        chunk += b"\n"
    nul = chunk.find(b"\x00")
    if nul >= 0:
        if source.is_file:
            raise DataError(f"{source.subject} is not a text file (UTF-8 CSV expected).")
        line = line0 + chunk.count(b"\n", 0, nul)
        raise DataError(f"Line {line} contains a NUL character.", line=line)
    is_ascii = chunk.isascii()
    if not is_ascii:
        try:
            chunk.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = line0 + chunk.count(b"\n", 0, exc.start)
            if source.is_file:
                message = (
                    f"{source.subject} is not a text file (UTF-8 CSV expected): line {line} "
                    f"has bytes that are not UTF-8."
                )
            else:
                message = f"Line {line} contains characters that cannot be encoded as UTF-8."
            raise DataError(message, line=line) from None
    return chunk, is_ascii


class _Parser:
    """Turns LF-terminated chunks of lines into arrays, keeping header and delimiter state."""

    def __init__(self, source: _Source, *, fast: bool) -> None:
        self._source = source
        self._fast = fast
        self._delimiter = ""
        self._header: tuple[str, ...] | None = None
        self._ncols = 0
        self._names: list[str] = []
        self._refs: list[str] = []  # how messages name a column: '"hours"' or '2'
        self._attrs: list[str] = []  # DataError.column: 'hours' or 'column 2'
        self._features: list[FloatArray] = []
        self._labels: list[npt.NDArray[np.uint8]] = []
        self._rows = 0

    @property
    def started(self) -> bool:
        """Whether the delimiter and header are known (the first non-blank line was seen)."""
        return bool(self._delimiter)

    # -- header and delimiter

    def feed(self, chunk: bytes, line0: int, *, is_ascii: bool) -> None:
        offset = 0
        if not self._delimiter:
            start = self._start(chunk, line0)
            if start is None:
                return  # only blank lines so far
            offset, line0 = start
        block = chunk[offset:] if offset else chunk
        # A Korean header makes the first chunk non-ASCII, but its data rows may well be ASCII.
        if self._fast and (is_ascii or block.isascii()) and b'"' not in block:
            result = _fast_block(block, self._ncols, ord(self._delimiter))
            if result is not None:
                self._append(*result)
                return
        self._append(*self._slow_block(block.decode("utf-8"), line0))

    def _start(self, chunk: bytes, line0: int) -> tuple[int, int] | None:
        """Sniff the delimiter and read the header; returns (offset, line) where data starts."""
        sample: list[str] = []
        first: tuple[int, int, int] | None = None  # (offset, line number, offset after it)
        pos, line = 0, line0
        while pos < len(chunk) and len(sample) < _SNIFF_LINES:
            end = chunk.index(b"\n", pos)
            text = chunk[pos:end].decode("utf-8")
            if text.strip():
                if first is None:
                    first = (pos, line, end + 1)
                sample.append(text)
            pos, line = end + 1, line + 1
        if first is None:
            return None
        first_pos, first_line, after_first = first

        self._delimiter = _sniff_delimiter(sample)
        cells = self._split(sample[0], first_line)
        if len(cells) < 2:
            raise DataError(
                f"{self._source.subject} needs at least one feature column and a label column, "
                f"but line {first_line} has only one column (no comma, semicolon or tab).",
                line=first_line,
            )
        self._ncols = len(cells)
        if _is_header(cells):
            first_seen: dict[str, int] = {}  # a set, not cells[:j]: a wide header stays linear
            for j, name in enumerate(cells):
                if not name:
                    raise DataError(
                        f"Line {first_line}: column {j + 1} has no name in the header.",
                        line=first_line,
                        column=f"column {j + 1}",
                    )
                if name in first_seen:
                    raise DataError(
                        f'Line {first_line}: the header uses the name "{_clip(name)}" twice '
                        f"(columns {first_seen[name] + 1} and {j + 1}).",
                        line=first_line,
                        column=name,
                    )
                first_seen[name] = j
            self._header = tuple(cells)
            self._names = list(cells)
            self._refs = [f'"{_clip(name)}"' for name in cells]
            self._attrs = list(cells)
            return after_first, first_line + 1
        d = self._ncols - 1
        self._names = ["x"] if d == 1 else [f"x{j + 1}" for j in range(d)]
        self._names.append("y")
        self._refs = [str(j + 1) for j in range(self._ncols)]
        self._attrs = [f"column {j + 1}" for j in range(self._ncols)]
        return first_pos, first_line

    def _split(self, line: str, lineno: int) -> list[str]:
        if '"' not in line:
            return [cell.strip() for cell in line.split(self._delimiter)]
        try:
            reader = csv.reader([line], delimiter=self._delimiter, skipinitialspace=True)
            row = next(reader, [])
        except csv.Error as exc:
            raise DataError(
                f"Line {lineno} could not be split into cells: {exc}.", line=lineno
            ) from None
        return [cell.strip() for cell in row]

    # -- rows

    def _slow_block(self, text: str, line0: int) -> tuple[FloatArray, npt.NDArray[np.uint8]]:
        ncols, d = self._ncols, self._ncols - 1
        values: list[float] = []
        labels: list[float] = []
        for i, raw in enumerate(text.split("\n")):
            if not raw.strip():
                continue
            lineno = line0 + i
            cells = self._split(raw, lineno)
            if len(cells) != ncols:
                raise DataError(
                    f"Line {lineno}: expected {ncols} cells, found {len(cells)}.", line=lineno
                )
            if self._header is not None and tuple(cells) == self._header:
                raise DataError(f"Line {lineno} repeats the header.", line=lineno)
            for j in range(d):
                values.append(self._number(cells[j], lineno, j))
            labels.append(self._label(cells[d], lineno))
        features = np.array(values, dtype=np.float64).reshape(len(labels), d)
        return features, np.array(labels, dtype=LABEL_DTYPE)

    def _where(self, lineno: int, j: int) -> str:
        return f"Line {lineno}, column {self._refs[j]}"

    def _empty(self, lineno: int, j: int) -> DataError:
        return DataError(f"{self._where(lineno, j)} is empty.", line=lineno, column=self._attrs[j])

    def _number(self, cell: str, lineno: int, j: int) -> float:
        if not cell:
            raise self._empty(lineno, j)
        value = _to_float(cell)
        shown = f'"{_clip(cell)}"'
        if value is None:
            problem = f"{shown} is not a number"
            hint = _comma_hint(cell) if "," in cell else None
            if hint is not None:
                problem += f" {hint}"
        elif math.isnan(value):
            problem = f"{shown} is not a number (missing values are not supported)"
        elif math.isinf(value) and "inf" in cell.lower():
            problem = f"{shown} is infinite; only finite numbers are allowed"
        elif math.isinf(value):
            problem = f"{shown} is too large for a 64-bit float (the limit is about 1.8e308)"
        else:
            return value
        raise DataError(f"{self._where(lineno, j)}: {problem}.", line=lineno, column=self._attrs[j])

    def _label(self, cell: str, lineno: int) -> float:
        j = self._ncols - 1
        if not cell:
            raise self._empty(lineno, j)
        try:
            return parse_label(cell)
        except ValueError:
            raise DataError(
                f'{self._where(lineno, j)}: "{_clip(cell)}" is not a valid label; {_LABEL_HELP}.',
                line=lineno,
                column=self._attrs[j],
            ) from None

    def _append(self, features: FloatArray, labels: npt.NDArray[np.uint8]) -> None:
        if labels.size:
            self._features.append(features)
            self._labels.append(labels)
            self._rows += labels.size

    def finish(self) -> Dataset:
        if self._rows == 0:
            has_header = " only a header and" if self._header is not None else ""
            raise DataError(f"{self._source.subject} has{has_header} no data rows.")
        features = _gather(self._features, self._rows)
        labels = _gather(self._labels, self._rows)
        return Dataset(
            features=features,
            labels=labels,
            feature_names=tuple(self._names[:-1]),
            label_name=self._names[-1],
        )


def _gather(blocks: list[np.ndarray], rows: int) -> np.ndarray:
    """The blocks as one C-contiguous array, emptying ``blocks`` as they are copied.

    Each block is freed once copied, and the result's pages become resident only as they are
    written, so the peak stays near one copy of the data (``np.concatenate`` holds two).
    """
    if len(blocks) == 1 and blocks[0].flags.c_contiguous:
        return blocks.pop()
    first = blocks[0]
    out = np.empty((rows, *first.shape[1:]), dtype=first.dtype)
    at = 0
    blocks.reverse()  # pop from the end: no list shifting
    while blocks:
        block = blocks.pop()
        out[at : at + len(block)] = block
        at += len(block)
        del block
    return out


def _count_cells(line: str, delimiter: str) -> int:
    if '"' not in line:
        return line.count(delimiter) + 1
    try:
        return len(next(csv.reader([line], delimiter=delimiter, skipinitialspace=True), []))
    except csv.Error:
        return line.count(delimiter) + 1


def _sniff_delimiter(sample: list[str]) -> str:
    """Pick the delimiter that splits every sampled line into the same number (>= 2) of cells."""
    counts = {d: [_count_cells(line, d) for line in sample] for d in _DELIMITERS}
    for d in _DELIMITERS:
        if counts[d][0] >= 2 and len(set(counts[d])) == 1:
            return d
    # Nothing is consistent; a ragged-row error will follow, worded for the likeliest choice.
    return max(_DELIMITERS, key=lambda d: (counts[d][0], -_DELIMITERS.index(d)))


def _is_header(cells: list[str]) -> bool:
    """A first row is a header when some non-empty cell cannot be data in its column.

    A row of numbers is data even if the last one is not 0 or 1, so that the user hears about
    the bad label on line 1 rather than about a header named "2".
    """
    *features, label = cells
    if any(cell and _to_float(cell) is None for cell in features):
        return True
    return bool(label) and _to_float(label) is None and label.lower() not in _LABEL_WORDS


# ----------------------------------------------------------------------------------------------
# Fast path: whole chunks at once with numpy. It returns None whenever a chunk holds anything but
# plain decimal numbers in a regular grid, and the slow parser then decides.
#
# A token is loaded as little-endian uint64 words (its first character in the lowest byte of the
# first word) and parsed with SWAR arithmetic as in simdjson: the bytes are checked to be digits
# (the sign is stepped over and the dot taken out) and combined into an integer mantissa m with
# f digits after the dot. When m <= 2**53, m / 10**f is exact division of exact float64 values,
# which IEEE rounds correctly; larger m (17-digit reprs) are rounded by _round_exactly. Either way
# the result is bit-for-bit what float() gives. Exponents and tokens longer than 24 bytes go
# through float() one by one.

_PAD: Final = 24  # bytes before the block so that three words before any token end can be loaded
_NL: Final = np.uint8(10)
_SPACE: Final = np.uint8(32)
_TAB: Final = np.uint8(9)
_U = np.uint64
_ALL_ONES: Final = _U(0xFFFFFFFFFFFFFFFF)
_DOTS: Final = _U(0x2E2E2E2E2E2E2E2E)
_LOW7: Final = _U(0x7F7F7F7F7F7F7F7F)
_LOW_NIBBLES: Final = _U(0x0F0F0F0F0F0F0F0F)
_HIGH_NIBBLES: Final = _U(0xF0F0F0F0F0F0F0F0)
_SIXES: Final = _U(0x0606060606060606)
_THREES: Final = _U(0x3333333333333333)
_PAIR_MASK: Final = _U(0x000000FF000000FF)
_MUL1: Final = _U(0x000F424000000064)  # 100 + (1000000 << 32)
_MUL2: Final = _U(0x0000271000000001)  # 1 + (10000 << 32)
_DOT_RANK: Final = _U(0x0807060504030201)  # byte 7 of (dot bit * this) = 8 - dot byte index
_DOT_TO_ZERO: Final = _U(0x1E)  # '.' ^ 0x1E == '0'
_TWO_53: Final = 1 << 53

# Indexed by the number of token bytes in a word (0..8): keep those top bytes, '0' elsewhere.
_KEEP = np.zeros(9, dtype=np.uint64)
_LEFT_ZEROS = np.zeros(9, dtype=np.uint64)
# Indexed by g = 8 - (index of the dot byte in the word), 0 when there is no dot; 16 entries so
# that the meaningless g of a word with several dots (rejected anyway) stays in range.
_BELOW_DOT = np.zeros(16, dtype=np.uint64)
_ABOVE_DOT = np.full(16, _ALL_ONES, dtype=np.uint64)
_DOT_FILL = np.zeros(16, dtype=np.uint64)
_DIVISOR = np.ones(16, dtype=np.float64)
for _i in range(9):
    _KEEP[_i] = ~((1 << (8 * (8 - _i))) - 1) & 0xFFFFFFFFFFFFFFFF
    _LEFT_ZEROS[_i] = 0x3030303030303030 & ~int(_KEEP[_i])
for _i in range(1, 9):
    _BELOW_DOT[_i] = (1 << (8 * (8 - _i))) - 1
    _ABOVE_DOT[_i] = ~((1 << (8 * (9 - _i))) - 1) & 0xFFFFFFFFFFFFFFFF
    _DOT_FILL[_i] = 0x30
    _DIVISOR[_i] = 10.0 ** (_i - 1)
# Powers of ten by exponent 0..24: as uint64 (0 where they do not fit, only ever multiplied by
# 0 there), as exact float64 (up to 1e22) and the matching powers of five (exact up to 5**22).
_MAX_EXACT_POWER: Final = 22
_POW10_INT = np.array([10**i if 10**i < 2**64 else 0 for i in range(25)], dtype=np.uint64)
_POW10_FLOAT = np.array([10.0**i for i in range(25)], dtype=np.float64)
_POW5_INT = np.array([5**i if 5**i < 2**64 else 0 for i in range(25)], dtype=np.uint64)


def _fast_block(
    block: bytes, ncols: int, delimiter: int
) -> tuple[FloatArray, npt.NDArray[np.uint8]] | None:
    """Parse an ASCII, quote-free, LF-terminated block of data lines; None means 'use slow'."""
    buffer = bytes(_PAD) + block
    text = np.frombuffer(buffer, dtype=np.uint8)[_PAD:]
    ends = ((text == np.uint8(delimiter)) | (text == _NL)).nonzero()[0]
    if ends.size == 0:
        return _no_rows(ncols)
    at_nl = text[ends] == _NL
    starts = np.empty_like(ends)
    starts[0] = 0
    starts[1:] = ends[:-1] + 1
    empty = starts == ends
    if empty.any():
        after_nl = np.ones_like(at_nl)
        after_nl[1:] = at_nl[:-1]
        blank_line = empty & at_nl & after_nl
        if not np.array_equal(blank_line, empty):
            return None  # an empty cell: the slow parser words the error
        keep = ~blank_line
        starts, ends, at_nl = starts[keep], ends[keep], at_nl[keep]
        if ends.size == 0:
            return _no_rows(ncols)
    if ends.size % ncols:
        return None
    nrows = ends.size // ncols
    grid = at_nl.reshape(nrows, ncols)
    if not grid[:, -1].all() or grid[:, :-1].any():
        return None  # ragged rows

    if b" " in block or (delimiter != 9 and b"\t" in block):
        trimmed = _trim(text, starts, ends, tabs=delimiter != 9)
        if trimmed is None:
            return None
        starts, ends = trimmed

    words = np.ndarray((len(buffer) - 7,), dtype="<u8", buffer=buffer, strides=(1,))
    starts_grid, ends_grid = starts.reshape(nrows, ncols), ends.reshape(nrows, ncols)
    # All feature cells in one go: per-column calls would spend their time in numpy overhead.
    features = _fast_numbers(
        text,
        words,
        block,
        starts_grid[:, :-1],
        ends_grid[:, :-1],
        signs=b"-" in block or b"+" in block,
        dots=b"." in block,
    )
    if features is None:
        return None
    labels = _fast_labels(
        text,
        words,
        block,
        np.ascontiguousarray(starts_grid[:, -1]),
        np.ascontiguousarray(ends_grid[:, -1]),
    )
    if labels is None:
        return None
    return features, labels


def _no_rows(ncols: int) -> tuple[FloatArray, npt.NDArray[np.uint8]]:
    return np.empty((0, ncols - 1), dtype=np.float64), np.empty(0, dtype=LABEL_DTYPE)


def _trim(
    text: npt.NDArray[np.uint8], starts: _IntArray, ends: _IntArray, *, tabs: bool
) -> tuple[_IntArray, _IntArray] | None:
    """Move token bounds past surrounding blanks; None if a cell is blank."""
    starts, ends = starts.copy(), ends.copy()
    for _ in range(8):  # longer runs are rare; float() strips whatever is left
        first = text[starts]
        blank = (first == _SPACE) | (first == _TAB) if tabs else first == _SPACE
        blank &= starts < ends
        if not blank.any():
            break
        starts += blank
    for _ in range(8):
        last = text[ends - 1]
        blank = (last == _SPACE) | (last == _TAB) if tabs else last == _SPACE
        blank &= starts < ends
        if not blank.any():
            break
        ends -= blank
    if (starts == ends).any():
        return None
    return starts, ends


def _fast_numbers(
    text: npt.NDArray[np.uint8],
    words: _UIntArray,
    block: bytes,
    starts: _IntArray,
    ends: _IntArray,
    *,
    signs: bool,
    dots: bool,
) -> FloatArray | None:
    """Values of the tokens at ``starts``/``ends`` (any shape), or None if one is not a number.

    The result has the shape of ``starts``. Strided views are fine: gathering through them costs
    less than copying them first.
    """
    shape = starts.shape
    lengths = (ends - starts).ravel()
    word = words[ends + (_PAD - 8)].ravel()
    negative: npt.NDArray[np.bool_] | None = None
    if signs:
        first = text[starts].ravel()
        minus = first == np.uint8(0x2D)
        signed = minus | (first == np.uint8(0x2B))
        if signed.any():
            lengths = lengths - signed  # the digits after the sign are parsed as unsigned
            negative = minus
    short = (lengths >= 1) & (lengths <= 8)
    if short.all():
        values, ok = _parse_short(word, lengths, dots=dots)
    else:
        values = np.empty(lengths.size, dtype=np.float64)
        ok = np.zeros(lengths.size, dtype=bool)
        idx = short.nonzero()[0]
        if idx.size:
            values[idx], ok[idx] = _parse_short(word[idx], lengths[idx], dots=dots)
        idx = ((lengths > 8) & (lengths <= 24)).nonzero()[0]
        if idx.size:
            values[idx], ok[idx] = _parse_long(words, ends.ravel()[idx], lengths[idx])
    if negative is not None:
        np.negative(values, out=values, where=negative)
    if not ok.all():
        flat_starts, flat_ends = starts.ravel(), ends.ravel()
        for i in (~ok).nonzero()[0].tolist():
            cell = block[flat_starts[i] : flat_ends[i]].decode("ascii").strip()
            value = _to_float(cell)
            if value is None or not math.isfinite(value):
                return None
            values[i] = value
    return values.reshape(shape)


def _parse_short(
    word: _UIntArray, lengths: _IntArray, *, dots: bool
) -> tuple[FloatArray, npt.NDArray[np.bool_]]:
    """SWAR-parse unsigned tokens of 1..8 bytes at the top of ``word``; returns (values, ok).

    ``dots=False`` promises that no token has a dot, which skips that work.
    """
    word = (word & _KEEP[lengths]) | _LEFT_ZEROS[lengths]
    ok: npt.NDArray[np.bool_]
    divisor: FloatArray | float = 1.0
    if dots:
        marks = _dot_marks(word)
        one_dot = (marks & (marks - _U(1))) == 0
        g = _dot_rank(marks)
        # Squeeze the dot out: the digits before it move up a byte and '0' fills byte 0.
        g0 = int(g[0])
        if not (g == g0).all():
            word = ((word & _BELOW_DOT[g]) << _U(8)) | (word & _ABOVE_DOT[g]) | _DOT_FILL[g]
            divisor = _DIVISOR[g]
        elif g0:  # every token has its dot at the same place, as "%.3f" writes them
            word = ((word & _BELOW_DOT[g0]) << _U(8)) | (word & _ABOVE_DOT[g0]) | _DOT_FILL[g0]
            divisor = float(_DIVISOR[g0])
        ok = _all_digits(word) & one_dot
        # "." alone has no digit.
        lone = (lengths == 1).nonzero()[0]
        ok[lone] &= g[lone] == 0
    else:
        ok = _all_digits(word)
    values = _swar_value(word).astype(np.float64)
    if isinstance(divisor, np.ndarray) or divisor != 1.0:
        values /= divisor
    return values, ok


def _parse_long(
    words: _UIntArray, ends: _IntArray, lengths: _IntArray
) -> tuple[FloatArray, npt.NDArray[np.bool_]]:
    """Parse unsigned tokens of 9..24 bytes ending at ``ends``; returns (values, ok)."""
    # Word 0 holds the last 8 bytes, word 1 the 8 before them and word 2 the first 8.
    low = words[ends + (_PAD - 8)]
    filled = np.minimum(lengths - 8, 8)
    middle = (words[ends + (_PAD - 16)] & _KEEP[filled]) | _LEFT_ZEROS[filled]
    filled = np.maximum(lengths - 16, 0)
    high = (words[ends + (_PAD - 24)] & _KEEP[filled]) | _LEFT_ZEROS[filled]

    ok = np.ones(lengths.size, dtype=bool)
    decimals = np.zeros(lengths.size, dtype=np.intp)  # digits after the dot
    n_dots = np.zeros(lengths.size, dtype=np.intp)
    parts = []
    for position, raw in enumerate((low, middle, high)):
        marks = _dot_marks(raw)
        ok &= (marks & (marks - _U(1))) == 0
        has_dot = marks != 0
        n_dots += has_dot
        decimals += np.where(has_dot, _dot_rank(marks) - 1 + 8 * position, 0)
        # The dot becomes a '0' digit for now and is divided out of the mantissa below.
        word = raw ^ ((marks >> _U(7)) * _DOT_TO_ZERO)
        ok &= _all_digits(word)
        parts.append(_swar_value(word))
    ok &= n_dots <= 1
    ok &= parts[2] < 1000  # more would not fit in uint64 (> 19 digits)
    ok &= decimals <= _MAX_EXACT_POWER
    # Tokens with several dots have meaningless counts; keep the table lookups below in range.
    decimals = np.clip(decimals, 0, _MAX_EXACT_POWER)
    with_zero = (parts[2] * _U(10**8) + parts[1]) * _U(10**8) + parts[0]
    dotted = n_dots == 1
    # with_zero = I * 10**(f+1) + 0 * 10**f + F; the mantissa is I * 10**f + F.
    above = _POW10_INT[np.minimum(decimals + 1, 19)]
    below = _POW10_INT[np.minimum(decimals, 19)]
    mantissa = np.where(
        dotted,
        (with_zero // above) * _POW10_INT[decimals] + with_zero % below,
        with_zero,
    )
    decimals = np.where(dotted, decimals, 0)
    values = mantissa.astype(np.float64) / _POW10_FLOAT[decimals]
    inexact = (mantissa > _U(_TWO_53)).nonzero()[0]
    if inexact.size:
        values[inexact], exact = _round_exactly(mantissa[inexact], decimals[inexact])
        ok[inexact] &= exact
    return values, ok


def _round_exactly(
    mantissa: _UIntArray, decimals: _IntArray
) -> tuple[FloatArray, npt.NDArray[np.bool_]]:
    """Correctly rounded ``mantissa / 10**decimals`` for mantissa > 2**53, decimals <= 22.

    A float64 estimate c = C * 2**k (C a 53-bit integer) is at most an ulp or two off. It is moved
    until the true quotient t lies between the midpoints (C - 1/2) * 2**k and (C + 1/2) * 2**k,
    ties going to even C. t > midpoint exactly when 2 * mantissa * 2**s > 5**f * (2C + 1) with
    s = -k - f; both sides are huge, but their difference is below 2**55, so computing them
    modulo 2**64 (plain uint64 wrap-around) and reading the difference as int64 gives its sign.
    Returns (values, ok); ok is False for the rare cases left to float(): C at a power of two,
    where the spacing below halves, or an estimate that did not settle.
    """
    estimate = mantissa.astype(np.float64) / _POW10_FLOAT[decimals]
    fraction, exponent = np.frexp(estimate)
    big_c = np.ldexp(fraction, 53).astype(np.uint64)
    k = exponent.astype(np.intp) - 53
    s = -k - decimals
    left_shift = np.maximum(s, 0).astype(np.uint64)
    right_shift = np.maximum(-s, 0).astype(np.uint64)
    twice = (mantissa << _U(1)) << left_shift
    five = _POW5_INT[decimals]

    def side(odd: _UIntArray) -> npt.NDArray[np.int64]:
        """Sign-carrying difference t - (odd / 2) * 2**k, scaled by 2 * 5**f * 2**s."""
        difference: npt.NDArray[np.int64] = (twice - ((five * odd) << right_shift)).view(np.int64)
        return difference

    for _ in range(2):
        above = side(big_c * _U(2) + _U(1))
        below = side(big_c * _U(2) - _U(1))
        odd = (big_c & _U(1)).astype(bool)
        up = (above > 0) | ((above == 0) & odd)
        down = (below < 0) | ((below == 0) & odd)
        if not (up.any() or down.any()):
            break
        big_c = big_c + up.astype(np.uint64) - down.astype(np.uint64)
    above = side(big_c * _U(2) + _U(1))
    below = side(big_c * _U(2) - _U(1))
    odd = (big_c & _U(1)).astype(bool)
    settled = ~((above > 0) | ((above == 0) & odd)) & ~((below < 0) | ((below == 0) & odd))
    in_binade = (big_c > _U(1 << 52)) & (big_c < _U(_TWO_53))
    values = np.ldexp(big_c.astype(np.float64), k)
    return values, settled & in_binade


def _dot_marks(word: _UIntArray) -> _UIntArray:
    """0x80 in every byte of ``word`` that is '.', 0x00 in the others (exact, no borrows)."""
    x = word ^ _DOTS
    return ~(((x & _LOW7) + _LOW7) | x | _LOW7)


def _dot_rank(marks: _UIntArray) -> _IntArray:
    """8 - (byte index of the dot) for a word with one dot, 0 for a word without."""
    return ((((marks >> _U(7)) * _DOT_RANK) >> _U(56)) & _U(15)).astype(np.intp)


def _all_digits(word: _UIntArray) -> npt.NDArray[np.bool_]:
    """True where every byte of ``word`` is an ASCII digit."""
    digits: npt.NDArray[np.bool_] = (
        (word & _HIGH_NIBBLES) | (((word + _SIXES) & _HIGH_NIBBLES) >> _U(4))
    ) == _THREES
    return digits


def _swar_value(word: _UIntArray) -> _UIntArray:
    """The 8-digit number spelled by ``word`` (first digit in the lowest byte)."""
    v = word & _LOW_NIBBLES
    v = v * _U(10) + (v >> _U(8))
    return (((v & _PAIR_MASK) * _MUL1) + (((v >> _U(16)) & _PAIR_MASK) * _MUL2)) >> _U(32)


def _fast_labels(
    text: npt.NDArray[np.uint8],
    words: _UIntArray,
    block: bytes,
    starts: _IntArray,
    ends: _IntArray,
) -> npt.NDArray[np.uint8] | None:
    lengths = ends - starts
    if (lengths == 1).all():
        digit = text[starts] - np.uint8(48)
        if (digit <= 1).all():
            return digit
    labels = np.empty(lengths.size, dtype=LABEL_DTYPE)
    short = (lengths <= 8).nonzero()[0]
    if short.size:
        # Each short label as its bytes in the low end of a uint64 (what 'S8' would hold).
        keys = words[ends[short] + (_PAD - 8)] >> ((8 - lengths[short]) * 8).astype(np.uint64)
        distinct, inverse = _small_unique(keys)
        table = np.empty(distinct.size, dtype=LABEL_DTYPE)
        for i, key in enumerate(distinct.tolist()):
            try:
                table[i] = parse_label(key.to_bytes(8, "little").rstrip(b"\0").decode("ascii"))
            except ValueError:
                return None
        labels[short] = table[inverse]
    for i in (lengths > 8).nonzero()[0].tolist():
        try:
            labels[i] = parse_label(block[starts[i] : ends[i]].decode("ascii"))
        except ValueError:
            return None
    return labels


def _small_unique(keys: _UIntArray) -> tuple[_UIntArray, _IntArray]:
    """``np.unique(keys, return_inverse=True)``, quick when there are only two distinct keys."""
    first = keys[0]
    is_first = keys == first
    rest = keys[~is_first]
    if rest.size == 0:
        return keys[:1], np.zeros(keys.size, dtype=np.intp)
    if (rest == rest[0]).all():
        distinct = np.array([first, rest[0]], dtype=np.uint64)
        return distinct, (~is_first).astype(np.intp)
    distinct, inverse = np.unique(keys, return_inverse=True)
    return distinct, inverse.astype(np.intp)


# ----------------------------------------------------------------------------------------------
# Writing

_WRITE_ROWS: Final = 65536


def write_csv(path: str | os.PathLike[str], dataset: Dataset) -> None:
    """Write a dataset as CSV that :func:`read_csv` reads back to identical arrays.

    A header line, then one line per row; ``,`` delimiter, LF line ends, UTF-8 without BOM.
    Features are written with ``repr`` (shortest text that round-trips a float64), labels as
    ``0``/``1``. The file is replaced atomically by :func:`core.files.atomic_writer`: a
    temporary file in the same directory is written, flushed to disk and renamed over ``path``,
    so a failure leaves any old file intact.

    Parameters
    ----------
    path : str or os.PathLike
        Destination. An existing file keeps its permission bits, a new one follows the umask,
        a symbolic link is followed (its target is written), and a folder, device or FIFO is
        refused with :class:`core.files.NotARegularFileError` (an ``OSError``).
    dataset : Dataset
        The data to write.

    Raises
    ------
    OSError
        If the file cannot be written (the original file, if any, is untouched).

    Notes
    -----
    A header made only of numbers (e.g. features named ``"1"``) would be read back as a data
    row; choose names with a letter.
    """
    from core.files import atomic_writer  # one atomic writer for every file the app saves

    header = io.StringIO()
    csv.writer(header, lineterminator="\n").writerow([*dataset.feature_names, dataset.label_name])
    with atomic_writer(path) as handle:
        handle.write(header.getvalue())
        for start in range(0, dataset.n_rows, _WRITE_ROWS):
            rows = dataset.features[start : start + _WRITE_ROWS].tolist()
            labels = dataset.labels[start : start + _WRITE_ROWS].astype(np.int8).tolist()
            handle.write(
                "".join(
                    f"{','.join(map(repr, row))},{label}\n"
                    for row, label in zip(rows, labels, strict=True)
                )
            )
