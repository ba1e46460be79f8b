"""Tests for core.data: CSV reading rules, error messages, the fast path and writing."""

from __future__ import annotations

import errno
import io
import math
import os
import pickle
import struct
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from unittest import mock

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from core import data
from core.data import (
    DataError,
    Dataset,
    ImportCancelled,
    example_dataset,
    parse_csv_text,
    parse_label,
    read_csv,
    write_csv,
)


def error_of(text: str) -> DataError:
    with pytest.raises(DataError) as info:
        parse_csv_text(text)
    return info.value


def file_error(path: Path) -> DataError:
    with pytest.raises(DataError) as info:
        read_csv(path)
    return info.value


def same_bits(a: np.ndarray, b: np.ndarray) -> bool:
    """Equal including the sign of zero (np.array_equal says -0.0 == 0.0) and the type."""
    if a.dtype != b.dtype or a.shape != b.shape:
        return False
    if a.dtype == np.uint8:  # labels are kept as one byte each
        return np.array_equal(a, b)
    return np.array_equal(a.view(np.uint64), b.view(np.uint64))


def parse_both(blob: bytes) -> tuple[Dataset | DataError, Dataset | DataError]:
    """The same bytes through the fast path and through the slow parser only."""
    results: list[Dataset | DataError] = []
    for fast in (True, False):
        try:
            results.append(data._parse_bytes(blob, data._Source("The text", False), fast=fast))
        except DataError as err:
            results.append(err)
    return results[0], results[1]


def assert_same_outcome(blob: bytes) -> Dataset | DataError:
    fast, slow = parse_both(blob)
    if isinstance(slow, DataError):
        assert isinstance(fast, DataError), f"fast path accepted what the rules reject: {slow}"
        assert (str(fast), fast.line, fast.column) == (str(slow), slow.line, slow.column)
    else:
        assert isinstance(fast, Dataset), f"fast path rejected valid data: {fast}"
        assert same_bits(fast.features, slow.features)
        assert same_bits(fast.labels, slow.labels)
        assert fast.feature_names == slow.feature_names
        assert fast.label_name == slow.label_name
    return slow


# ----------------------------------------------------------------------------------------------
# Dataset, example_dataset, parse_label, DataError


def test_example_dataset_is_the_seed_data() -> None:
    ds = example_dataset()
    assert ds.feature_names == ("hours",)
    assert ds.label_name == "passed"
    assert ds.features.tolist() == [[1.0], [2.0], [3.0], [4.0]]
    assert ds.labels.tolist() == [0.0, 0.0, 1.0, 1.0]
    assert (ds.n_rows, ds.n_features) == (4, 1)
    assert ds.features.dtype == np.float64
    assert ds.features.flags.c_contiguous


def test_example_dataset_matches_the_shipped_seed_file() -> None:
    seed = Path(__file__).resolve().parents[2] / "resources" / "data" / "study_hours.csv"
    ds, expected = read_csv(seed), example_dataset()
    assert same_bits(ds.features, expected.features)
    assert same_bits(ds.labels, expected.labels)
    assert (ds.feature_names, ds.label_name) == (expected.feature_names, expected.label_name)


def good_arrays() -> tuple[np.ndarray, np.ndarray]:
    return np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([0.0, 1.0])


@pytest.mark.parametrize(
    ("features", "labels", "names", "label", "needle"),
    [
        (np.array([[1, 2], [3, 4]]), np.array([0.0, 1.0]), ("a", "b"), "y", "float64"),
        (np.array([1.0, 2.0]), np.array([0.0, 1.0]), ("a",), "y", "shape"),
        (np.empty((0, 2)), np.empty(0), ("a", "b"), "y", "shape"),
        (np.empty((2, 0)), np.array([0.0, 1.0]), (), "y", "shape"),
        (np.ones((2, 4))[:, ::2], np.array([0.0, 1.0]), ("a", "b"), "y", "C-contiguous"),
        (np.ones((2, 2)), np.array([0, 1]), ("a", "b"), "y", "labels must be a uint8 or float64"),
        (np.ones((2, 2)), np.array([0, 2], np.uint8), ("a", "b"), "y", "labels must be 0 or 1"),
        (np.ones((2, 2)), np.array([0.0, 1.0, 1.0]), ("a", "b"), "y", "to match the features"),
        (np.ones((2, 2)), np.array([0.0, 0.5]), ("a", "b"), "y", "not a label"),
        (np.array([[1.0, np.nan], [1.0, 1.0]]), np.array([0.0, 1.0]), ("a", "b"), "y", "finite"),
        (np.array([[1.0, 1.0], [np.inf, 1.0]]), np.array([0.0, 1.0]), ("a", "b"), "y", "finite"),
        (np.ones((2, 2)), np.array([0.0, 1.0]), ("a",), "y", "2 feature columns but 1"),
        (np.ones((2, 2)), np.array([0.0, 1.0]), ("a", "a"), "y", "used twice"),
        (np.ones((2, 2)), np.array([0.0, 1.0]), ("a", "y"), "y", "used twice"),
        (np.ones((2, 2)), np.array([0.0, 1.0]), ("a", ""), "y", "empty"),
        (np.ones((2, 2)), np.array([0.0, 1.0]), ("a", " b"), "y", "whitespace"),
        (np.ones((2, 2)), np.array([0.0, 1.0]), ("a", "b\nc"), "y", "line breaks"),
        (np.ones((2, 2)), np.array([0.0, 1.0]), "ab", "y", "sequence of strings"),
        (np.ones((2, 2)), np.array([0.0, 1.0]), ("a", 2), "y", "strings"),
    ],
)
def test_dataset_rejects_invalid_contents(
    features: Any, labels: Any, names: Any, label: str, needle: str
) -> None:
    with pytest.raises(DataError, match=needle):
        Dataset(features, labels, names, label)


def test_dataset_names_the_first_bad_cell() -> None:
    features = np.ones((3, 2))
    features[2, 1] = np.nan
    with pytest.raises(DataError) as info:
        Dataset(features, np.zeros(3), ("a", "b"), "y")
    assert info.value.column == "b"
    assert str(info.value).startswith('Row 3, column "b"')


def test_dataset_accepts_a_list_of_names_and_keeps_arrays_writable() -> None:
    features, labels = good_arrays()
    ds = Dataset(features, labels, ["a", "b"], "y")  # type: ignore[arg-type]
    assert ds.feature_names == ("a", "b")
    assert ds.features is features
    assert ds.features.flags.writeable  # torch.from_numpy warns on read-only arrays
    assert "n_rows=2" in repr(ds)


def test_dataset_is_frozen() -> None:
    ds = example_dataset()
    with pytest.raises(AttributeError):
        ds.label_name = "other"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0", 0.0),
        ("1", 1.0),
        ("1.0", 1.0),
        ("0.0", 0.0),
        ("true", 1.0),
        ("false", 0.0),
        ("yes", 1.0),
        ("no", 0.0),
        ("pass", 1.0),
        ("fail", 0.0),
        ("TRUE", 1.0),
        ("False", 0.0),
        ("yEs", 1.0),
        ("No", 0.0),
        ("PASS", 1.0),
        ("Fail", 0.0),
        ("  tRuE\t", 1.0),
        (" 1 ", 1.0),
        ("1e0", 1.0),
        ("-0", 0.0),
    ],
)
def test_parse_label_accepts(text: str, value: float) -> None:
    result = parse_label(text)
    assert result == value
    assert math.copysign(1.0, result) == 1.0  # never -0.0


@pytest.mark.parametrize(
    "text", ["", " ", "2", "-1", "0.5", "nan", "inf", "maybe", "yes please", "t", "１", "1_0"]
)
def test_parse_label_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="not a label"):
        parse_label(text)


def test_data_error_carries_line_and_column_and_pickles() -> None:
    err = DataError("Line 3 is bad.", line=3, column="hours")
    assert isinstance(err, ValueError)
    assert (str(err), err.line, err.column) == ("Line 3 is bad.", 3, "hours")
    copy = pickle.loads(pickle.dumps(err))
    assert (str(copy), copy.line, copy.column) == ("Line 3 is bad.", 3, "hours")
    plain = DataError("Whole file.")
    assert (plain.line, plain.column) == (None, None)


# ----------------------------------------------------------------------------------------------
# Accepted input


def test_header_comma_lf() -> None:
    ds = parse_csv_text("hours,passed\n1,0\n2.5,1\n")
    assert ds.feature_names == ("hours",)
    assert ds.label_name == "passed"
    assert ds.features.tolist() == [[1.0], [2.5]]
    assert ds.labels.tolist() == [0.0, 1.0]
    assert ds.features.dtype == np.float64
    assert ds.labels.dtype == np.uint8  # one byte per label: each value kept once, compactly
    assert ds.features.flags.c_contiguous


def test_no_header_one_feature_gets_default_names() -> None:
    ds = parse_csv_text("1,0\n2,1")
    assert (ds.feature_names, ds.label_name) == (("x",), "y")
    assert ds.features.tolist() == [[1.0], [2.0]]


def test_no_header_several_features_gets_default_names() -> None:
    ds = parse_csv_text("1,2,3,0\n4,5,6,1\n")
    assert (ds.feature_names, ds.label_name) == (("x1", "x2", "x3"), "y")
    assert ds.features.tolist() == [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
    assert ds.labels.tolist() == [0.0, 1.0]


def test_multiple_features_with_header() -> None:
    ds = parse_csv_text("a,b,c,label\n1,-2.5,3e2,yes\n.5,6.,+7,no\n")
    assert ds.feature_names == ("a", "b", "c")
    assert ds.label_name == "label"
    assert ds.features.tolist() == [[1.0, -2.5, 300.0], [0.5, 6.0, 7.0]]
    assert ds.labels.tolist() == [1.0, 0.0]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_each_delimiter(delimiter: str) -> None:
    rows = [["hours", "score", "passed"], ["1.5", "20", "0"], ["2", "-3", "1"]]
    ds = parse_csv_text("\n".join(delimiter.join(row) for row in rows) + "\n")
    assert ds.feature_names == ("hours", "score")
    assert ds.features.tolist() == [[1.5, 20.0], [2.0, -3.0]]
    assert ds.labels.tolist() == [0.0, 1.0]


def test_semicolon_wins_over_decimal_commas_and_says_so() -> None:
    err = error_of("hours;passed\n1,5;0\n2,5;1\n")
    assert str(err) == (
        'Line 2, column "hours": "1,5" is not a number (use "." as the decimal point: 1.5).'
    )
    assert (err.line, err.column) == (2, "hours")


def test_delimiter_is_found_when_the_header_has_quoted_commas() -> None:
    ds = parse_csv_text('"hours, total";passed\n1;0\n2;1\n')
    assert ds.feature_names == ("hours, total",)


def test_utf8_bom_file(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbfhours,passed\n1,0\n2,1\n")
    ds = read_csv(path)
    assert ds.feature_names == ("hours",)
    assert ds.labels.tolist() == [0.0, 1.0]


def test_bom_in_text() -> None:
    assert parse_csv_text("\ufeffhours,passed\n1,0\n").feature_names == ("hours",)


def test_crlf_and_lone_cr() -> None:
    for newline in ("\r\n", "\r"):
        text = newline.join(["hours,passed", "1,0", "", "2,1", ""])
        ds = parse_csv_text(text)
        assert ds.features.tolist() == [[1.0], [2.0]]
        err = error_of(newline.join(["hours,passed", "1,0", "", "x,1"]))
        assert err.line == 4


def test_korean_header(tmp_path: Path) -> None:
    path = tmp_path / "한국어.csv"
    path.write_text("공부시간,합격\n1,0\n2,1\n3,1\n", encoding="utf-8")
    ds = read_csv(path)
    assert ds.feature_names == ("공부시간",)
    assert ds.label_name == "합격"
    assert ds.labels.tolist() == [0.0, 1.0, 1.0]
    err = error_of("공부시간,합격\n1,0\n둘,1\n")
    assert str(err) == 'Line 3, column "공부시간": "둘" is not a number.'
    assert err.column == "공부시간"


@pytest.mark.parametrize(
    ("spelling", "value"),
    [
        ("true", 1.0),
        ("True", 1.0),
        ("TRUE", 1.0),
        ("false", 0.0),
        ("FaLsE", 0.0),
        ("yes", 1.0),
        ("YES", 1.0),
        ("no", 0.0),
        ("No", 0.0),
        ("pass", 1.0),
        ("Pass", 1.0),
        ("fail", 0.0),
        ("FAIL", 0.0),
        ("1", 1.0),
        ("0", 0.0),
        ("1.0", 1.0),
        ("0.0", 0.0),
    ],
)
def test_every_label_spelling(spelling: str, value: float) -> None:
    ds = parse_csv_text(f"hours,passed\n1,{spelling}\n2, {spelling} \n")
    assert ds.labels.tolist() == [value, value]


def test_mixed_label_spellings_in_one_file() -> None:
    ds = parse_csv_text("h,p\n1,yes\n2,NO\n3,1\n4,false\n5,Pass\n6,0.0\n")
    assert ds.labels.tolist() == [1.0, 0.0, 1.0, 0.0, 1.0, 0.0]


def test_quoted_cells() -> None:
    ds = parse_csv_text('"hours","passed"\n"1","0"\n"2.5", "1"\n 3 ,"yes"\n')
    assert ds.feature_names == ("hours",)
    assert ds.features.tolist() == [[1.0], [2.5], [3.0]]
    assert ds.labels.tolist() == [0.0, 1.0, 1.0]


def test_quoted_header_name_with_delimiter_and_quote() -> None:
    ds = parse_csv_text('"a,b","say ""hi""",y\n1,2,0\n')
    assert ds.feature_names == ("a,b", 'say "hi"')


def test_blank_lines_are_ignored_but_counted() -> None:
    text = "\n\n  \nhours,passed\n\n1,0\n\t\n2,1\n\n\n"
    ds = parse_csv_text(text)
    assert ds.feature_names == ("hours",)
    assert ds.features.tolist() == [[1.0], [2.0]]
    err = error_of("\n\nhours,passed\n\n1,0\n\nabc,1\n")
    assert (err.line, err.column) == (7, "hours")


def test_whitespace_around_cells_is_trimmed() -> None:
    ds = parse_csv_text("  hours , passed \n 1.5 ,  0\n\t2\t,\t1 \n")
    assert ds.feature_names == ("hours",)
    assert ds.label_name == "passed"
    assert ds.features.tolist() == [[1.5], [2.0]]


def test_no_trailing_newline() -> None:
    assert parse_csv_text("h,p\n1,0\n2,1").features.tolist() == [[1.0], [2.0]]


def test_values_beyond_float32_are_accepted() -> None:
    ds = parse_csv_text("h,p\n3.5e38,0\n-1e300,1\n1.7976931348623157e308,0\n")
    assert ds.features[:, 0].tolist() == [3.5e38, -1e300, 1.7976931348623157e308]


def test_one_row_and_one_class_are_not_reader_errors() -> None:
    assert parse_csv_text("h,p\n1,1\n").n_rows == 1
    assert parse_csv_text("h,p\n1,0\n2,0\n3,0\n").labels.tolist() == [0.0, 0.0, 0.0]


def test_first_row_of_numbers_is_data_even_with_a_bad_label() -> None:
    err = error_of("1,2\n3,0\n")
    assert str(err) == (
        'Line 1, column 2: "2" is not a valid label; use 0/1, true/false, yes/no or pass/fail.'
    )
    assert (err.line, err.column) == (1, "column 2")


def test_numbers_read_exactly_like_float() -> None:
    cells = ["0.1", "-0.0", "1e-05", "123456789.123456789", "0.30000000000000004", "5e-324"]
    ds = parse_csv_text("x,y\n" + "".join(f"{c},0\n" for c in cells))
    expected = np.array([float(c) for c in cells])
    assert same_bits(ds.features[:, 0].copy(), expected)


# ----------------------------------------------------------------------------------------------
# Rejected input: message, line and column


@pytest.mark.parametrize(
    ("text", "message", "line", "column"),
    [
        (
            "hours,passed\n1,0\nabc,1\n",
            'Line 3, column "hours": "abc" is not a number.',
            3,
            "hours",
        ),
        ("1,0\n2,1\nabc,1\n", 'Line 3, column 1: "abc" is not a number.', 3, "column 1"),
        ("a,b,y\n1,2,0\n3,1_0,1\n", 'Line 3, column "b": "1_0" is not a number.', 3, "b"),
        ("hours,passed\n1,0\n,1\n", 'Line 3, column "hours" is empty.', 3, "hours"),
        ("hours,passed\n1,0\n2,\n", 'Line 3, column "passed" is empty.', 3, "passed"),
        ("1,0\n2,  \n", "Line 2, column 2 is empty.", 2, "column 2"),
        (
            "hours,passed\n1,0\n1,maybe\n",
            'Line 3, column "passed": "maybe" is not a valid label; '
            "use 0/1, true/false, yes/no or pass/fail.",
            3,
            "passed",
        ),
        ("hours,passed\n1,0\n1,0,1\n", "Line 3: expected 2 cells, found 3.", 3, None),
        ("a,b,passed\n1,2,0\n5\n", "Line 3: expected 3 cells, found 1.", 3, None),
        ("hours,passed\n1,0\n2,1\n3,0\n4,1\n5,0\nhours,passed\n6,1\n", None, 7, None),
    ],
)
def test_rejections_name_line_and_column(
    text: str, message: str | None, line: int, column: str | None
) -> None:
    err = error_of(text)
    if message is not None:
        assert str(err) == message
    assert (err.line, err.column) == (line, column)


def test_repeated_header_message() -> None:
    err = error_of("hours,passed\n1,0\n2,1\n3,0\n4,1\n5,0\n hours , passed \n6,1\n")
    assert str(err) == "Line 7 repeats the header."
    assert err.line == 7


@pytest.mark.parametrize(
    ("cell", "needle"),
    [
        ("nan", "not a number (missing values"),
        ("NaN", "not a number (missing values"),
        ("-nan", "not a number (missing values"),
        ("NAN", "not a number (missing values"),
        ("inf", "infinite"),
        ("-inf", "infinite"),
        ("Infinity", "infinite"),
        ("-INFINITY", "infinite"),
        ("+Inf", "infinite"),
        ("1e400", "too large"),
        ("-1e400", "too large"),
        ("9" * 400, "too large"),
    ],
)
def test_non_finite_values_are_rejected(cell: str, needle: str) -> None:
    err = error_of(f"a,b,passed\n1,2,0\n3,{cell},1\n")
    assert needle in str(err)
    assert str(err).startswith('Line 3, column "b": ')
    assert (err.line, err.column) == (3, "b")


@pytest.mark.parametrize("label", ["2", "-1", "0.5", "nan", "inf", "maybe", "ja"])
def test_labels_outside_the_accepted_set(label: str) -> None:
    err = error_of(f"x,y\n1,0\n2,{label}\n")
    assert "is not a valid label" in str(err)
    assert (err.line, err.column) == (3, "y")


def test_no_data_rows() -> None:
    assert str(error_of("hours,passed\n")) == "The text has only a header and no data rows."
    assert str(error_of("hours,passed\n\n\n")) == "The text has only a header and no data rows."
    assert str(error_of("\n \n\t\n")) == "The text has no data rows."


def test_empty_input(tmp_path: Path) -> None:
    assert str(error_of("")) == "The text is empty."
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert str(file_error(empty)) == 'The file "empty.csv" is empty.'
    bom_only = tmp_path / "bom.csv"
    bom_only.write_bytes(b"\xef\xbb\xbf")
    assert str(file_error(bom_only)) == 'The file "bom.csv" is empty.'


def test_single_column_is_an_error() -> None:
    err = error_of("hours\n1\n2\n")
    assert "needs at least one feature column and a label column" in str(err)
    assert err.line == 1
    assert error_of("\n\n1\n0\n").line == 3


def test_header_problems() -> None:
    err = error_of("hours,hours,passed\n1,2,0\n")
    assert str(err) == 'Line 1: the header uses the name "hours" twice (columns 1 and 2).'
    assert (err.line, err.column) == (1, "hours")
    err = error_of("hours,,passed\n1,2,0\n")
    assert str(err) == "Line 1: column 2 has no name in the header."
    assert (err.line, err.column) == (1, "column 2")


def test_binary_file_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert str(file_error(path)) == 'The file "image.png" is not a text file (UTF-8 CSV expected).'
    utf16 = tmp_path / "utf16.csv"
    utf16.write_bytes("hours,passed\n1,0\n".encode("utf-16"))
    assert "is not a text file (UTF-8 CSV expected)" in str(file_error(utf16))


def test_latin1_file_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("hours,passed\n1,0\ncafé,1\n".encode("latin-1"))
    err = file_error(path)
    assert str(err) == (
        'The file "latin1.csv" is not a text file (UTF-8 CSV expected): line 3 has bytes that '
        "are not UTF-8."
    )
    assert err.line == 3


def test_nul_and_surrogates_in_text() -> None:
    assert error_of("h,p\n1,0\n2\x00,1\n").line == 3
    assert error_of("h,p\n1,0\n\ud800,1\n").line == 3


def test_unreadable_paths(tmp_path: Path) -> None:
    err = file_error(tmp_path / "missing.csv")
    assert str(err) == 'The file "missing.csv" could not be read: No such file or directory.'
    assert "could not be read" in str(file_error(tmp_path))  # a directory


class FlakyFile(io.BufferedReader):
    """A real file whose second read fails, as when a network drive goes away."""

    reads = 0

    def read(self, size: int | None = -1, /) -> bytes:
        FlakyFile.reads += 1
        if FlakyFile.reads > 1:
            raise OSError(errno.EIO, "Input/output error")
        return super().read(size)


def test_error_while_reading_becomes_data_error(tmp_path: Path) -> None:
    path = tmp_path / "flaky.csv"
    path.write_text("h,p\n" + "1,0\n" * 200_000)
    FlakyFile.reads = 0

    def flaky_open(file: str, mode: str = "r") -> FlakyFile:
        return FlakyFile(io.FileIO(file, mode))

    with mock.patch.object(data, "open", flaky_open, create=True):
        err = file_error(path)
    assert str(err) == 'The file "flaky.csv" could not be read: Input/output error.'
    assert FlakyFile.reads == 2


# ----------------------------------------------------------------------------------------------
# Progress, cancel, big files


def write_rows(path: Path, n: int, *, label_words: bool = False, header: bool = True) -> None:
    rng = np.random.default_rng(7)
    hours = rng.integers(0, 100_000, n)
    passed = rng.integers(0, 2, n)
    names = ("false", "true") if label_words else ("0", "1")
    lines = [f"{h // 1000}.{h % 1000:03d},{names[p]}\n" for h, p in zip(hours, passed, strict=True)]
    path.write_text(("hours,passed\n" if header else "") + "".join(lines))


def test_progress_reaches_one_and_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    write_rows(path, 400_000)
    seen: list[float] = []
    ds = read_csv(path, progress=seen.append)
    assert ds.n_rows == 400_000
    assert 2 <= len(seen) <= 101
    assert seen == sorted(seen)
    assert all(0.0 <= f <= 1.0 for f in seen)
    assert seen[-1] == 1.0


def test_progress_on_small_and_pasted_input(tmp_path: Path) -> None:
    path = tmp_path / "small.csv"
    path.write_text("h,p\n1,0\n")
    seen: list[float] = []
    read_csv(path, progress=seen.append)
    assert seen[-1] == 1.0


def test_cancel_before_start_and_between_chunks(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    write_rows(path, 200_000)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ImportCancelled):
        read_csv(path, cancel=cancel)

    cancel = threading.Event()
    calls: list[float] = []

    def progress(fraction: float) -> None:
        calls.append(fraction)
        cancel.set()

    with pytest.raises(ImportCancelled):
        read_csv(path, progress=progress, cancel=cancel)
    assert len(calls) == 1


def test_million_rows(tmp_path: Path) -> None:
    path = tmp_path / "million.csv"
    n = 1_000_000
    write_rows(path, n)
    ds = read_csv(path)
    assert ds.features.shape == (n, 1)
    assert ds.labels.shape == (n,)
    rng = np.random.default_rng(7)
    hours = rng.integers(0, 100_000, n)
    passed = rng.integers(0, 2, n)
    for i in (0, 1, 12_345, 500_000, n - 1):
        assert ds.features[i, 0] == float(f"{hours[i] // 1000}.{hours[i] % 1000:03d}")
        assert ds.labels[i] == passed[i]
    assert ds.features.flags.c_contiguous


def test_error_deep_in_a_big_file_names_the_right_line(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    lines = ["hours,passed\r\n"] + [f"{i % 97}.5,{i % 2}\r\n" for i in range(300_000)]
    lines.insert(1000, "\r\n")  # blank lines still count
    lines[250_001] = "12,x\r\n"
    path.write_text("".join(lines), newline="")
    err = file_error(path)
    assert (err.line, err.column) == (250_002, "passed")
    assert str(err).startswith('Line 250002, column "passed": "x"')


def test_word_labels_in_a_big_file(tmp_path: Path) -> None:
    path = tmp_path / "words.csv"
    write_rows(path, 100_000, label_words=True)
    words = read_csv(path)
    write_rows(path, 100_000)
    digits = read_csv(path)
    assert same_bits(words.labels, digits.labels)
    assert same_bits(words.features, digits.features)


def test_fast_path_matches_slow_parser_on_varied_blocks() -> None:
    rng = np.random.default_rng(3)
    values = rng.normal(0, 1000, 20_000) * 10.0 ** rng.integers(-8, 8, 20_000)
    formats = ["%r", "%.3f", "%.17g", "%g", "%d", "%+.5f", "%.12f", "%.0f"]
    cells = [
        formats[i % len(formats)] % (v if formats[i % 8] != "%d" else int(v))
        for i, v in enumerate(values.tolist())
    ]
    labels = ["0", "1", "1.0", "yes", "NO", "true "]
    text = "v,w,y\n" + "".join(
        f"{c}, {cells[-i - 1]} ,{labels[i % len(labels)]}\n" for i, c in enumerate(cells)
    )
    result = assert_same_outcome(text.encode())
    assert isinstance(result, Dataset)
    assert result.features[:, 0].tolist() == [float(c) for c in cells]


# ----------------------------------------------------------------------------------------------
# Writing


def test_write_then_read_round_trip(tmp_path: Path) -> None:
    features = np.array([[0.1, -0.0, 1e-300], [3.5e38, 1e16, -7.0], [5e-324, 2.0, 1 / 3]])
    ds = Dataset(features, np.array([1.0, 0.0, 1.0]), ("a,b", 'q"t', "공부시간"), "합격")
    path = tmp_path / "out.csv"
    write_csv(path, ds)
    back = read_csv(path)
    assert same_bits(back.features, ds.features)
    assert back.labels.dtype == np.uint8 and np.array_equal(back.labels, ds.labels)
    assert back.feature_names == ds.feature_names
    assert back.label_name == "합격"
    assert path.read_bytes().startswith('"a,b","q""t",공부시간,합격\n'.encode())
    assert os.listdir(tmp_path) == ["out.csv"]


def test_write_replaces_atomically_and_keeps_mode(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_text("old contents\n")
    path.chmod(0o600)
    write_csv(path, example_dataset())
    assert path.read_text() == "hours,passed\n1.0,0\n2.0,0\n3.0,1\n4.0,1\n"
    assert path.stat().st_mode & 0o777 == 0o600


def test_failed_write_leaves_the_old_file_and_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_text("old contents\n")
    with (
        mock.patch.object(data.os, "replace", side_effect=OSError(errno.ENOSPC, "No space")),
        pytest.raises(OSError, match="No space"),
    ):
        write_csv(path, example_dataset())
    assert path.read_text() == "old contents\n"
    assert os.listdir(tmp_path) == ["out.csv"]


finite = st.floats(allow_nan=False, allow_infinity=False)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    features=st.integers(1, 4).flatmap(
        lambda d: hnp.arrays(np.float64, st.tuples(st.integers(1, 20), st.just(d)), elements=finite)
    ),
    data_=st.data(),
)
def test_round_trip_is_exact(features: np.ndarray, data_: st.DataObject) -> None:
    labels = np.array(
        data_.draw(
            st.lists(st.sampled_from([0.0, 1.0]), min_size=len(features), max_size=len(features))
        )
    )
    names = tuple(f"x{j + 1}" for j in range(features.shape[1]))
    ds = Dataset(np.ascontiguousarray(features), labels, names, "label")
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "round.csv"
        write_csv(path, ds)
        back = read_csv(path)
    assert same_bits(back.features, ds.features)
    assert back.labels.dtype == np.uint8 and np.array_equal(back.labels, ds.labels)
    assert (back.feature_names, back.label_name) == (names, "label")


# ----------------------------------------------------------------------------------------------
# Fuzzing: only Dataset or DataError, and the fast path never disagrees with the rules


def check_outcome(result: Dataset) -> None:
    assert result.features.dtype == np.float64
    assert result.features.ndim == 2
    assert result.features.shape[1] >= 1
    assert result.features.shape[0] == result.labels.shape[0] >= 1
    assert np.isfinite(result.features).all()
    assert set(np.unique(result.labels).tolist()) <= {0.0, 1.0}


@settings(max_examples=300, deadline=None)
@given(st.text())
@example("1,0\n")
@example("\ufeff")
@example('"')
@example('a,b\n1,"2\n')
def test_fuzz_any_text(text: str) -> None:
    try:
        result = parse_csv_text(text)
    except DataError:
        return
    check_outcome(result)


CSV_ALPHABET = '0123456789012345.,;\t\n\r -+eE"xnaifINtruyspl \ufeff\u3000한'


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=CSV_ALPHABET, max_size=120))
def test_fuzz_csv_like_text_fast_equals_slow(text: str) -> None:
    outcome = assert_same_outcome(text.encode("utf-8"))
    if isinstance(outcome, Dataset):
        check_outcome(outcome)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=200))
def test_fuzz_bytes(blob: bytes) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "fuzz.csv"
        path.write_bytes(blob)
        try:
            result = read_csv(path)
        except DataError:
            return
    check_outcome(result)
    assert_same_outcome(blob.removeprefix(b"\xef\xbb\xbf"))


number_text = st.one_of(
    finite.map(repr),
    finite.map(lambda v: f"{v:.3f}"),
    finite.map(lambda v: f"{v:.17g}"),
    st.integers(-(10**20), 10**20).map(str),
    st.builds(
        lambda sign, whole, frac: f"{sign}{whole}.{frac}",
        st.sampled_from(["", "-", "+"]),
        st.text("0123456789", max_size=12),
        st.text("0123456789", max_size=14),
    ).filter(lambda s: any(c.isdigit() for c in s)),
    st.integers(0, 2**64 - 1).map(
        lambda bits: repr(struct.unpack("<d", bits.to_bytes(8, "little"))[0])
    ),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(number_text, min_size=1, max_size=40))
def test_fuzz_numbers_parse_exactly_like_float(cells: list[str]) -> None:
    values = [float(c) for c in cells]
    assume(all(math.isfinite(v) for v in values))
    ds = parse_csv_text("v,y\n" + "".join(f"{c},1\n" for c in cells))
    assert same_bits(ds.features[:, 0].copy(), np.array(values))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=CSV_ALPHABET, max_size=80), st.integers(1, 12))
def test_fuzz_tiny_chunks_change_nothing(text: str, chunk: int) -> None:
    blob = text.encode("utf-8")
    expected = assert_same_outcome(blob)
    with mock.patch.object(data, "_CHUNK_BYTES", chunk):
        got = assert_same_outcome(blob)
    if isinstance(expected, DataError):
        assert isinstance(got, DataError)
        assert (str(got), got.line, got.column) == (str(expected), expected.line, expected.column)
    else:
        assert isinstance(got, Dataset)
        assert same_bits(got.features, expected.features)
        assert same_bits(got.labels, expected.labels)


valid_label = st.sampled_from(["0", "1", "1.0", "0.0", "TRUE", "no", "Pass", "fail", "-0"])
junk_cell = st.one_of(
    st.sampled_from(["", " ", "-", ".", "+.", "1e5", "1E-3", "inf", "nan", "abc", "1,5", "1_0"]),
    st.sampled_from(["0x1", "2", "1..2", "--1", "1-2", "١", "𝟙"]),
    st.text("0123456789.-+e ", min_size=1, max_size=10),
)


@st.composite
def csv_grids(draw: st.DrawFn) -> str:
    ncols = draw(st.integers(2, 4))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    pad = st.sampled_from(["", "", "", " ", "  ", "\t"])
    lines = []
    if draw(st.booleans()):
        lines.append(delimiter.join(f"c{j}" for j in range(ncols)))
    for _ in range(draw(st.integers(0, 12))):
        if draw(st.integers(0, 9)) == 0:
            lines.append(draw(st.sampled_from(["", "  ", delimiter.join(["1"] * (ncols + 1))])))
            continue
        cells = []
        for j in range(ncols):
            # Mostly valid cells, so that many grids are whole datasets for the fast path.
            if draw(st.integers(0, 60)) == 0:
                cell = draw(junk_cell)
            else:
                cell = draw(number_text if j < ncols - 1 else valid_label)
            if draw(st.integers(0, 15)) == 0:
                cell = f'"{cell}"'
            cells.append(draw(pad) + cell + draw(pad))
        lines.append(delimiter.join(cells))
    return newline.join(lines) + draw(st.sampled_from(["", newline, newline * 2]))


@settings(max_examples=300, deadline=None)
@given(csv_grids())
def test_fuzz_csv_grids_fast_equals_slow(text: str) -> None:
    outcome = assert_same_outcome(text.encode("utf-8"))
    if isinstance(outcome, Dataset):
        check_outcome(outcome)


# ---------------------------------------------------------------------------------------------
# Issue 13, class 11: linear time on any input; a line over 1 MiB is refused with its number.


def read_error(path: Path) -> DataError:
    with pytest.raises(DataError) as info:
        read_csv(path)
    return info.value


def test_a_file_without_line_breaks_is_refused_naming_line_1(tmp_path: Path) -> None:
    p = tmp_path / "one-line.csv"
    p.write_bytes(b"1," * (3 << 20))  # 6 MB, no line break
    err = read_error(p)
    assert err.line == 1
    assert str(err).startswith("Line 1 is longer than 1 MiB")


@pytest.mark.parametrize("newline", [b"\n", b"\r\n", b"\r"])
def test_a_long_line_later_in_the_file_is_named(tmp_path: Path, newline: bytes) -> None:
    p = tmp_path / "long.csv"
    p.write_bytes(newline.join([b"a,b", b"1,0", b"", b"2" * (2 << 20) + b",1", b"3,0"]))
    err = read_error(p)
    assert (err.line, str(err).split(" is ")[0]) == (4, "Line 4")
    text = newline.join([b"a,b", b"1,0", b"2" * (2 << 20) + b",1"]).decode()
    with pytest.raises(DataError, match=r"^Line 3 is longer than 1 MiB"):
        parse_csv_text(text)


def test_lines_under_the_limit_still_read(tmp_path: Path) -> None:
    p = tmp_path / "wide.csv"
    names = ",".join(f"feature_{i}" for i in range(40_000))  # a 600 KB header
    p.write_text(f"{names},y\n" + ",".join(["1"] * 40_000) + ",0\n", encoding="utf-8")
    started = time.perf_counter()
    assert read_csv(p).n_features == 40_000
    # The header's duplicate check was quadratic in the columns: 20 s here, now 0.15 s.
    assert time.perf_counter() - started < 5


def test_time_does_not_grow_with_the_length_of_a_line(tmp_path: Path) -> None:
    """Refused after reading about 1 MiB, whatever the size: 4 MB and 32 MB cost the same."""
    small, big = tmp_path / "small.csv", tmp_path / "big.csv"
    small.write_bytes(b"7" * (4 << 20))
    with big.open("wb") as fh:
        for _ in range(8):
            fh.write(b"7" * (4 << 20))
    reads: list[int] = []
    real_open = open

    def counting_open(*args: Any, **kwargs: Any) -> Any:
        handle = real_open(*args, **kwargs)
        read = handle.read

        class Counted:
            def __enter__(self) -> Counted:
                return self

            def __exit__(self, *_: object) -> None:
                handle.close()

            def fileno(self) -> int:
                return int(handle.fileno())

            def read(self, n: int = -1) -> bytes:
                chunk = read(n)
                reads[-1] += len(chunk)
                return chunk

        reads.append(0)
        return Counted()

    with mock.patch("builtins.open", counting_open):
        for p in (small, big):
            assert read_error(p).line == 1
    assert reads[0] == reads[1] <= 2 << 20


def test_dev_zero_ends_quickly_with_an_error_and_cancel_still_works() -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    outcome: list[BaseException] = []
    cancel = threading.Event()

    def run() -> None:
        try:
            read_csv("/dev/zero", cancel=cancel)
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(20)
    if worker.is_alive():
        cancel.set()
        worker.join(20)
        pytest.fail("reading /dev/zero did not end on its own")
    assert isinstance(outcome[0], DataError)
    assert str(outcome[0]) == 'The file "zero" is not a text file (UTF-8 CSV expected).'


def test_cancel_is_seen_while_a_long_line_is_read() -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(data.ImportCancelled):
        read_csv("/dev/zero", cancel=cancel)


# ---------------------------------------------------------------------------------------------
# Issue 13, class 13: messages for people.


@pytest.mark.parametrize(
    "cell, hint",
    [
        ("1,000", '(write 1000 if "," separates thousands, or 1.000 if it is a decimal comma)'),
        ("12,345,678", "(write it without thousands separators: 12345678)"),
        ("-1,234.5", "(write it without thousands separators: -1234.5)"),
        ("1.234,5", "(write it as 1234.5)"),
        ("2,5", '(use "." as the decimal point: 2.5)'),
    ],
)
def test_comma_hints_never_turn_a_thousand_into_one(cell: str, hint: str) -> None:
    err = error_of(f"hours;passed\n{cell};0\n")
    assert str(err) == f'Line 2, column "hours": "{cell}" is not a number {hint}.'
    if "," in cell and cell.count(",") == 1 and len(cell.split(",")[1]) == 3:
        assert '(use "." as the decimal point)' not in str(err)


@pytest.mark.parametrize(
    "features, labels, needle",
    [
        (np.array([[np.inf]]), np.array([0.0]), 'Row 1, column "x": inf is not a finite number.'),
        (np.array([[1e308 * 10]]), np.array([0.0]), "inf is not"),
        (np.array([[np.nan]]), np.array([0.0]), "an empty value (NaN) is not"),
        (np.array([[1.0]]), np.array([0.5]), 'Row 1, column "y": 0.5 is not a label'),
        (np.array([[1.0]]), np.array([2.0]), 'Row 1, column "y": 2 is not a label'),
    ],
)
def test_dataset_messages_have_no_python_reprs(
    features: np.ndarray, labels: np.ndarray, needle: str
) -> None:
    with np.errstate(over="ignore"), pytest.raises(DataError) as info:
        Dataset(features, labels, ("x",), "y")
    assert needle in str(info.value)
    assert "np." not in str(info.value) and "float64" not in str(info.value)


def test_core_messages_do_not_format_reprs() -> None:
    """No ``!r`` in an f-string of the modules this suite owns (np.float64(…) would leak).

    ``__repr__`` methods are for programmers and may use it.
    """
    import ast

    root = Path(data.__file__).parent
    for name in ("data.py", "files.py", "cli.py", "model.py"):
        tree = ast.parse((root / name).read_text(encoding="utf-8"))
        reprs = {
            id(node)
            for func in ast.walk(tree)
            if isinstance(func, ast.FunctionDef) and func.name == "__repr__"
            for node in ast.walk(func)
        }
        offenders = [
            node.lineno
            for node in ast.walk(tree)
            if isinstance(node, ast.FormattedValue)
            and node.conversion == ord("r")
            and id(node) not in reprs
        ]
        assert offenders == [], f"{name}: !r at lines {offenders}"


def test_complete_rows_keeps_the_arrays_when_nothing_is_missing() -> None:
    from core.data import complete_rows

    x = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    y = np.array([0.0, 1.0, 1.0])
    cx, cy = complete_rows(x, y)
    assert np.shares_memory(cx, x) and np.shares_memory(cy, y)  # no copy
    x[1, 0], y[2] = np.nan, np.nan
    cx, cy = complete_rows(x, y)
    assert cx.tolist() == [[1.0, 2.0]] and cy.tolist() == [0.0]
    big = np.array([[1e308], [1e308], [-np.inf], [np.inf]])  # sums overflow or cancel, no NaN
    cx, cy = complete_rows(big, np.zeros(4))
    assert len(cy) == 4
    assert complete_rows(np.zeros((0, 1)), np.zeros(0))[1].shape == (0,)


_PEAK_SCRIPT = """
import sys
from core.data import read_csv
from core.memory import release_freed_memory_promptly

release_freed_memory_promptly()  # what the window and the training process do


def status(key):
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) * 1024 for line in f if line.startswith(key))


read_csv(sys.argv[1] + ".small")  # imports and first-use allocations outside the measure
base = status("VmRSS")
with open("/proc/self/clear_refs", "w") as f:
    f.write("5")  # VmHWM := VmRSS
ds = read_csv(sys.argv[1])
print(status("VmHWM") - base, ds.features.nbytes + ds.labels.nbytes, ds.labels.dtype)
"""


@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="needs Linux's /proc")
def test_reading_a_big_file_holds_about_one_copy_of_its_values(tmp_path: Path) -> None:
    """Issue 12, each value kept once: the parsed blocks are released as they are gathered and
    labels take one byte each, so reading peaks near the result itself. It held two float64
    copies of every column before (the blocks and their concatenation): 64 MB for this file."""
    import subprocess
    import sys

    rng = np.random.default_rng(3)
    n = 2_000_000
    path = tmp_path / "big.csv"
    lines = np.char.add(
        np.char.mod("%.3f,", rng.uniform(0, 10, n)), rng.integers(0, 2, n).astype(str)
    )
    path.write_text("hours,passed\n" + "\n".join(lines.tolist()) + "\n")
    (tmp_path / "big.csv.small").write_text("hours,passed\n1,0\n2,1\n")
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", _PEAK_SCRIPT, str(path)],
        capture_output=True, text=True, cwd=root, timeout=120, check=True,
    ).stdout.split()  # fmt: skip
    peak, result, dtype = int(out[0]), int(out[1]), out[2]
    assert dtype == "uint8" and result == n * 9  # 8-byte features, 1-byte labels: 18 MB
    # One copy plus a chunk's temporaries (4.6 MB measured, whatever the file's size); two
    # copies of the features alone would be 32 MB.
    assert peak < result + 8 * 2**20, (peak, result)
