"""Words the API layer puts in place of what the server left out or sent as a number,
shown in the person's language.

``api/models.py`` writes them in English (it has no Qt); they are marked here too, so the
catalogue has them whatever shape the API layer takes, and translated where shown.
"""

from __future__ import annotations

from flashback_desktop.api.models import Repository, UserProfile
from flashback_desktop.i18n import message
from flashback_desktop.translatable import QT_TRANSLATE_NOOP

_WORDS = (
    QT_TRANSLATE_NOOP("Messages", "(unnamed repository)"),
    QT_TRANSLATE_NOOP("Messages", "Member"),
    QT_TRANSLATE_NOOP("Messages", "Billing"),
    QT_TRANSLATE_NOOP("Messages", "Workspace manager"),
    QT_TRANSLATE_NOOP("Messages", "Administrator"),
    QT_TRANSLATE_NOOP("Messages", "Owner"),
)
UNNAMED_REPOSITORY = _WORDS[0]


def repository_name(repository: Repository) -> str:
    """The repository's name, or "(unnamed repository)" in the person's language."""
    name = repository.name
    return message(name) if name == UNNAMED_REPOSITORY else name


def organisation_role(profile: UserProfile) -> str:
    """The person's role in their organisation, in words, in their language."""
    role = profile.organisation_role
    return message(role) if role in _WORDS[1:] else role
