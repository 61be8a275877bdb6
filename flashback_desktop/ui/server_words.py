"""Words the API layer puts in place of what the server left out or sent as a number,
shown in the person's language.

``api/models.py`` holds them, marked for the translators (it has no Qt); they are
translated here, where they are shown.
"""

from __future__ import annotations

from flashback_desktop.api.models import (
    ORG_ROLE_WORDS,
    UNNAMED_REPOSITORY,
    Repository,
    UserProfile,
)
from flashback_desktop.i18n import message


def repository_name(repository: Repository) -> str:
    """The repository's name, or "(unnamed repository)" in the person's language."""
    name = repository.name
    return message(name) if name == UNNAMED_REPOSITORY else name


def organisation_role(profile: UserProfile) -> str:
    """The person's role in their organisation, in words, in their language."""
    role = profile.organisation_role
    return message(role) if role in ORG_ROLE_WORDS.values() else role
