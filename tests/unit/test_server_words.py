"""The words the API layer puts in for missing names and role numbers: one list, in
api/models.py, and every word of it shown in the person's language."""

from __future__ import annotations

from collections.abc import Iterator

import msgspec
import pytest
from PySide6.QtWidgets import QApplication

from flashback_desktop import i18n
from flashback_desktop.api.models import ORG_ROLE_WORDS, Repository, UserProfile
from flashback_desktop.ui.server_words import organisation_role, repository_name


def profile(role: int | None, org_id: str | None = "org-1") -> UserProfile:
    return UserProfile("u-1", "Ana", "Ruiz", "ana@example.com", org_id, org_role=role)


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    i18n.install("es")
    try:
        yield
    finally:
        i18n.uninstall()


@pytest.mark.parametrize("code", sorted(ORG_ROLE_WORDS))
@pytest.mark.usefixtures("spanish")
def test_every_role_word_is_shown_translated(code: int) -> None:
    english = ORG_ROLE_WORDS[code]
    assert profile(code).organisation_role == english
    shown = organisation_role(profile(code))
    assert shown
    assert shown != english  # a word the catalogue lacks would stay English


@pytest.mark.usefixtures("spanish")
def test_roles_unknown_or_absent_and_the_unnamed_repository() -> None:
    assert organisation_role(profile(77)) == "Miembro"  # an unknown code means member
    assert organisation_role(profile(None)) == "Miembro"
    assert organisation_role(profile(255, org_id=None)) == ""  # no organisation, no role
    unnamed = msgspec.convert({"id": "r-1"}, Repository)
    assert repository_name(unnamed) == "(repositorio sin nombre)"
    named = msgspec.convert({"id": "r-2", "name": "Member"}, Repository)
    assert repository_name(named) == "Member"  # a server's own name is never translated
