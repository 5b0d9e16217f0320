"""The questionnaires are data as published, checked at start-up."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from quiz import instruments
from quiz.apps import load_instruments
from quiz.forms import LABELS

SHARED = Path("/work/shared/instruments")


@pytest.fixture(autouse=True)
def _restore_registry():
    yield
    load_instruments()


def test_both_questionnaires_load_with_the_ecr_r_first():
    assert [i.slug for i in instruments.available()] == ["ecr-r", "ecr-rs"]
    assert len(instruments.get("ecr-r").items) == 36
    assert len(instruments.get("ecr-rs").items) == 9


@pytest.mark.skipif(
    not SHARED.exists(), reason="the shared originals are not on this machine"
)
def test_the_files_are_byte_for_byte_the_published_ones():
    for name in ["ecr-r.json", "ecr-rs.json"]:
        assert (instruments.DIRECTORY / name).read_bytes() == (
            SHARED / name
        ).read_bytes()


def test_the_scale_labels_keep_the_authors_anchors():
    for instrument_file in instruments.DIRECTORY.glob("*.json"):
        anchors = json.loads(instrument_file.read_text())["scale"]["anchor_labels"]
        for value, label in anchors.items():
            assert str(LABELS[int(value)]) == label


def copy_with(tmp_path: Path, change) -> Path:
    for path in instruments.DIRECTORY.glob("*.json"):
        shutil.copy(path, tmp_path / path.name)
    target = tmp_path / "ecr-rs.json"
    data = json.loads(target.read_text())
    change(data)
    target.write_text(json.dumps(data))
    return tmp_path


@pytest.mark.parametrize(
    ("change", "fault"),
    [
        (
            lambda d: d["items"].pop(4),
            r"numbers must run 1\.\.8 without gaps \(missing \[5\]",
        ),
        (lambda d: d["items"][2].update(number=2), r"missing \[3\], repeated \[2\]"),
        (
            lambda d: d["items"][0].update(dimension="anxiety and avoidance"),
            "item 1: dimension must be one of",
        ),
        (
            lambda d: d["items"][0].update(reverse="yes"),
            "item 1: reverse must be true or false",
        ),
        (
            lambda d: d["items"][0].pop("reverse"),
            "item at position 1 must have exactly the keys",
        ),
        (lambda d: d["items"][0].update(keyed="reverse"), "must have exactly the keys"),
        (lambda d: d.update(citation=""), '"citation" is missing or empty'),
        (lambda d: d.update(slug="other"), 'slug "other" does not match'),
        (
            lambda d: [i.update(dimension="avoidance") for i in d["items"]],
            "no item measures anxiety",
        ),
    ],
)
def test_a_malformed_file_stops_start_up_naming_the_file_and_the_fault(
    tmp_path, change, fault
):
    directory = copy_with(tmp_path, change)
    with pytest.raises(ImproperlyConfigured, match=fault) as caught:
        load_instruments(directory)
    assert "ecr-rs.json" in str(caught.value)


def test_a_file_that_is_not_json_stops_start_up(tmp_path):
    (tmp_path / "ecr-r.json").write_text("{not json")
    with pytest.raises(
        ImproperlyConfigured, match=r"ecr-r\.json: cannot be read as JSON"
    ):
        load_instruments(tmp_path)
