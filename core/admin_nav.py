"""The admin's navigation, grouped by the therapist's work rather than by the code.

Django lists models by app, alphabetically: "Access attempts" beside her articles. Each
app instead says, in its AppConfig.ready(), under which of her sections a model belongs
and what she calls it; the admin site (core.admin_site) builds the list from that. A
model nobody placed still shows, under its app's name, after her sections.
"""

from __future__ import annotations

from dataclasses import dataclass

# In the order she sees them: her work first, the machinery last.
SECTIONS = [
    "Writing",
    "Quiz texts",
    "Consults and hours",
    "The practice",
    "Site security and mail",
]


@dataclass(frozen=True)
class Place:
    section: str
    order: int
    name: str | None  # None: the model's own verbose_name_plural


PLACES: dict[str, list[Place]] = {}


def place(model: str, section: str, order: int = 50, name: str | None = None) -> None:
    """List a model ("app_label.modelname") under one of SECTIONS; more than one place
    is allowed (her page with her hours belongs to both her practice and her hours)."""
    if section not in SECTIONS:
        raise ValueError(f"{section!r} is not one of the admin's sections")
    places = PLACES.setdefault(model.lower(), [])
    entry = Place(section, order, name)
    if entry not in places:
        places.append(entry)


def group(app_list: list[dict]) -> list[dict]:
    """Django's app list (apps with their models) regrouped into SECTIONS."""
    sections: dict[str, list[tuple[int, dict]]] = {name: [] for name in SECTIONS}
    leftovers = []
    for app in app_list:
        unplaced = []
        for model in app["models"]:
            label = f"{app['app_label']}.{model['object_name']}".lower()
            places = PLACES.get(label)
            if not places:
                unplaced.append(model)
            for where in places or ():
                entry = dict(model, name=where.name or model["name"])
                sections[where.section].append((where.order, entry))
        if unplaced:
            leftovers.append(dict(app, models=unplaced))
    grouped = [
        {
            "name": name,
            "app_label": f"section-{index}",
            "app_url": "",
            "has_module_perms": True,
            "models": [entry for _, entry in sorted(models, key=_by_order)],
        }
        for index, (name, models) in enumerate(sections.items())
        if models
    ]
    return grouped + leftovers


def _by_order(item: tuple[int, dict]) -> tuple[int, str]:
    return item[0], str(item[1]["name"])
