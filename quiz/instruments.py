"""The questionnaires, loaded from quiz/instruments/*.json and checked before use.

No Django here: the files are data exactly as published, and these checks stop a
mistyped key or a missing item from ever scoring a visitor wrongly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

# The answer scale of both questionnaires, as published: 1 (disagree strongly) to 7.
# Every other module reads it from here.
LOWEST, HIGHEST = 1, 7
ANSWERS = frozenset(str(value) for value in range(LOWEST, HIGHEST + 1))

DIRECTORY = Path(__file__).resolve().parent / "instruments"
DIMENSIONS = ("anxiety", "avoidance")
ITEM_KEYS = {"number", "text", "dimension", "reverse"}
REQUIRED_TEXT = ("slug", "name", "short_name", "citation", "instructions")


class InstrumentError(ValueError):
    """A questionnaire file that cannot be trusted; the message names the fault."""


@dataclass(frozen=True)
class Item:
    number: int
    text: str
    dimension: str
    reverse: bool


@dataclass(frozen=True)
class Instrument:
    slug: str
    name: str
    short_name: str
    citation: str
    author_page: str
    instructions: str
    items: tuple[Item, ...]

    @property
    def numbers(self) -> range:
        return range(1, len(self.items) + 1)

    def item(self, number: int) -> Item:
        return self.items[number - 1]

    def dimension(self, name: str) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.dimension == name)


def parse(data: object) -> Instrument:
    if not isinstance(data, dict):
        raise InstrumentError("the file must hold one JSON object")
    for key in REQUIRED_TEXT:
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise InstrumentError(f'"{key}" is missing or empty')
    scale = data.get("scale")
    if not isinstance(scale, dict) or (scale.get("min"), scale.get("max")) != (
        LOWEST,
        HIGHEST,
    ):
        raise InstrumentError(f'"scale" must run from min {LOWEST} to max {HIGHEST}')
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise InstrumentError('"items" must be a non-empty list')
    items = [_parse_item(position, raw) for position, raw in enumerate(raw_items, 1)]
    numbers = sorted(item.number for item in items)
    if numbers != list(range(1, len(items) + 1)):
        missing = sorted(set(range(1, len(items) + 1)) - set(numbers))
        repeated = sorted({n for n in numbers if numbers.count(n) > 1})
        raise InstrumentError(
            f"item numbers must run 1..{len(items)} without gaps "
            f"(missing {missing or 'none'}, repeated {repeated or 'none'}, "
            f"found {numbers})"
        )
    for dimension in DIMENSIONS:
        if not any(item.dimension == dimension for item in items):
            raise InstrumentError(f"no item measures {dimension}")
    return Instrument(
        slug=data["slug"],
        name=data["name"],
        short_name=data["short_name"],
        citation=data["citation"],
        author_page=str(data.get("author_page", "")),
        instructions=data["instructions"],
        items=tuple(sorted(items, key=lambda item: item.number)),
    )


def _parse_item(position: int, raw: object) -> Item:
    where = f"item at position {position}"
    if not isinstance(raw, dict):
        raise InstrumentError(f"{where} is not an object")
    if set(raw) != ITEM_KEYS:
        raise InstrumentError(
            f"{where} must have exactly the keys {sorted(ITEM_KEYS)}, not {sorted(raw)}"
        )
    number = raw["number"]
    if type(number) is not int:
        raise InstrumentError(f"{where}: number must be a whole number, not {number!r}")
    where = f"item {number}"
    if not isinstance(raw["text"], str) or not raw["text"].strip():
        raise InstrumentError(f"{where}: text is empty")
    if raw["dimension"] not in DIMENSIONS:
        raise InstrumentError(
            f"{where}: dimension must be one of {list(DIMENSIONS)}, not {raw['dimension']!r}"
        )
    if type(raw["reverse"]) is not bool:
        raise InstrumentError(
            f"{where}: reverse must be true or false, not {raw['reverse']!r}"
        )
    return Item(number, raw["text"], raw["dimension"], raw["reverse"])


def load(path: Path) -> Instrument:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InstrumentError(f"cannot be read as JSON ({error})") from None
    instrument = parse(data)
    if instrument.slug != path.stem:
        raise InstrumentError(
            f'slug "{instrument.slug}" does not match the file name "{path.stem}"'
        )
    return instrument


def load_directory(directory: Path) -> dict[str, Instrument]:
    """Every *.json in the directory, by slug. Raises InstrumentError naming the file."""
    found: dict[str, Instrument] = {}
    for path in sorted(directory.glob("*.json")):
        try:
            found[path.stem] = load(path)
        except InstrumentError as error:
            raise InstrumentError(f"{path}: {error}") from None
    if not found:
        raise InstrumentError(f"{directory}: no questionnaire files (*.json) found")
    return found


# Filled once at start-up by QuizConfig.ready(); the default (ECR-R) comes first.
_REGISTRY: dict[str, Instrument] = {}
DEFAULT = "ecr-r"


def register(instruments: dict[str, Instrument]) -> None:
    _REGISTRY.clear()
    _REGISTRY.update(sorted(instruments.items(), key=lambda kv: kv[0] != DEFAULT))


def get(slug: str) -> Instrument | None:
    return _REGISTRY.get(slug)


def available() -> list[Instrument]:
    return list(_REGISTRY.values())
