"""Read what the real Secret Service holds, item by item, as `seahorse` would show it.

Asking the app's token store what it saved proves only what the store reads back; a third
entry (the password, say) saved beside the tokens would go unseen. This lists every item
of every collection on the private D-Bus session that tests/run starts.
"""

from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass

import secretstorage


@dataclass(frozen=True)
class SecretItem:
    collection: str
    label: str
    attributes: dict[str, str]
    secret: str


def all_secret_items() -> list[SecretItem]:
    """Every item of every (unlocked) collection, with its secret."""
    items: list[SecretItem] = []
    with closing(secretstorage.dbus_init()) as connection:
        for collection in secretstorage.get_all_collections(connection):
            if collection.is_locked():
                continue
            name = collection.get_label()
            for item in collection.get_all_items():
                secret = item.get_secret().decode("utf-8", errors="replace")
                items.append(SecretItem(name, item.get_label(), item.get_attributes(), secret))
    return items
