"""Signing in, staying signed in and signing out, through the real dialogs against the sandbox."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from flashback_desktop.config import canonical_origin
from flashback_desktop.sandbox import Fault
from flashback_desktop.session.token_store import (
    ACCESS_TOKEN_ENTRY,
    REFRESH_TOKEN_ENTRY,
    KeyringTokenStore,
    TokenPair,
)
from flashback_desktop.ui.sign_in_dialog import SignInDialog, SignInPage
from tests.gui.conftest import App
from tests.support.app_process import run_app
from tests.support.error_dialog_page import ErrorDialogPage
from tests.support.memory_keyring import MemoryKeyring
from tests.support.real_parts import require_secret_service
from tests.support.sandbox_data import repo_id_named
from tests.support.secret_items import all_secret_items
from tests.support.sign_in_page import SignInDialogPage

REPO = "Contracts 2026"


def wait_for_sign_in(app: App, qtbot: QtBot) -> SignInDialog:
    """The dialog itself, for tests that drive its widgets (new tests: the page's
    ``wait_sign_in_dialog``)."""
    return app.page.wait_sign_in_dialog(qtbot).dialog


def type_credentials(qtbot: QtBot, dialog: SignInDialog, email: str, password: str) -> None:
    SignInDialogPage(dialog).type_in(qtbot, email, password)


def refused_with(qtbot: QtBot, dialog: SignInDialogPage) -> str:
    dialog.press_sign_in()
    qtbot.waitUntil(dialog.error_shown, timeout=10_000)
    return dialog.error


def sign_in_with_password(app: App, qtbot: QtBot, dialog: SignInDialogPage) -> None:
    state = app.sandbox.state
    dialog.type_in(qtbot, state.demo_email, state.demo_password)
    with app.page.wait_repositories_shown(qtbot):
        dialog.press_sign_in()
    app.page.wait_sign_in_dialog_closed(qtbot)


def stored_pair(app: App) -> TokenPair | None:
    return app.run(app.session.store.load())


def create_after_the_sign_in_ran_out(app: App, qtbot: QtBot) -> SignInDialogPage:
    """New Conversation on REPO when neither token works any more: the dialog that asks."""
    app.select(REPO)
    expire_access_token(app)
    app.sandbox.state.revoke_refresh_tokens()
    app.page.panel.click_new()
    return app.page.wait_sign_in_dialog(qtbot)


def expire_access_token(app: App) -> TokenPair:
    """The access token runs out while the app is open; the refresh token still works."""
    before = stored_pair(app)
    assert before is not None
    expired = app.sandbox.state.issue_token(lifetime_s=-10)
    app.run(app.session.tokens.adopt(TokenPair(expired, before.refresh)))
    return before


def test_email_and_password_then_a_new_process_is_signed_in_from_the_keyring(
    start_app: Callable[..., App], qtbot: QtBot, memory_keyring: MemoryKeyring
) -> None:
    backend = require_secret_service()
    app = start_app(signed_in=False, backend=backend)
    dialog = app.page.wait_sign_in_dialog(qtbot)
    password_at_close: list[str] = []
    dialog.when_closed(lambda: password_at_close.append(dialog.password_box.text()))
    sign_in_with_password(app, qtbot, dialog)
    pair = stored_pair(app)
    assert pair is not None
    assert pair.refresh is not None
    assert password_at_close == [""]  # the password is not kept, even in the field
    assert memory_keyring.entries == {}  # the real Secret Service holds the sign-in
    # What the Secret Service itself holds: the two tokens of this server, nothing more,
    # and the password nowhere (not as an entry, not inside one).
    items = all_secret_items()
    service = KeyringTokenStore(canonical_origin(app.sandbox.url)).service
    ours = [item for item in items if item.attributes.get("service") == service]
    assert sorted(item.attributes.get("username", "") for item in ours) == sorted(
        [ACCESS_TOKEN_ENTRY, REFRESH_TOKEN_ENTRY]
    )
    assert sorted(item.secret for item in ours) == sorted([pair.access, pair.refresh])
    password = app.sandbox.state.demo_password
    assert [item.label for item in items if password in item.secret] == []
    server = app.sandbox.url.split("//", 1)[1]
    about_this_server = [i for i in items if server in f"{i.label} {i.attributes}"]
    assert about_this_server == ours
    try:
        second = run_app("--server", app.sandbox.url, "--exit-after", "repos-loaded")
        assert second.returncode == 0, second.stderr  # 3 would mean it asked to sign in
        assert app.sandbox.state.request_count("POST", "/user/login") == 1
        assert app.sandbox.state.request_count("GET", "/repo") == 2  # one per process
    finally:
        app.run(app.session.store.delete())
    assert stored_pair(app) is None


def test_each_sign_in_refusal_is_told_plainly(start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app(signed_in=False)
    state = app.sandbox.state
    dialog = app.page.wait_sign_in_dialog(qtbot)

    dialog.type_in(qtbot, state.demo_email, "not-the-password")
    assert "password is not right" in refused_with(qtbot, dialog)
    dialog.type_in(qtbot, "nobody@demo.flashback.tech", "whatever")
    assert "no Flashback account" in refused_with(qtbot, dialog)
    dialog.type_in(qtbot, state.no_password_email, "whatever")
    text = refused_with(qtbot, dialog)
    assert "Google, GitHub or Microsoft" in text
    assert "Use an access token instead" in text
    assert not app.session.signed_in
    assert stored_pair(app) is None


def test_authenticator_code_through_the_dialog(start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app(signed_in=False)
    state = app.sandbox.state
    dialog = app.page.wait_sign_in_dialog(qtbot)
    dialog.type_in(qtbot, state.mfa_email, state.demo_password)
    dialog.press_sign_in()
    qtbot.waitUntil(lambda: dialog.step == SignInPage.CODE, timeout=10_000)
    assert dialog.password_box.text() == ""
    assert stored_pair(app) is None

    wrong = "000000" if state.current_totp_code() != "000000" else "111111"
    qtbot.keyClicks(dialog.code_box, wrong)
    assert "not accepted" in refused_with(qtbot, dialog)
    assert not app.session.signed_in

    dialog.code_box.setText(state.current_totp_code())
    with app.page.wait_repositories_shown(qtbot):
        dialog.press_sign_in()
    assert state.mfa_email in app.page.user_text
    assert stored_pair(app) is not None


def test_a_magic_link_account_is_pointed_to_the_token_path(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app(signed_in=False)
    state = app.sandbox.state
    dialog = app.page.wait_sign_in_dialog(qtbot)
    dialog.type_in(qtbot, state.magic_link_email, state.demo_password)
    text = refused_with(qtbot, dialog)
    assert dialog.step == SignInPage.TOKEN
    assert "web browser" in text
    assert not app.session.signed_in


def test_paste_a_token_then_it_is_remembered(
    start_app: Callable[..., App], qtbot: QtBot, memory_keyring: MemoryKeyring
) -> None:
    app = start_app(signed_in=False)
    dialog = app.page.wait_sign_in_dialog(qtbot)
    assert app.sandbox.state.request_count("GET", "/repo") == 0
    dialog.use_token_link.click()
    assert dialog.step == SignInPage.TOKEN

    qtbot.keyClicks(dialog.token_box, "not-a-real-token")
    assert "did not accept this token" in refused_with(qtbot, dialog)
    assert memory_keyring.entries == {}

    dialog.token_box.setText(app.sandbox.state.demo_token)
    with app.page.wait_repositories_shown(qtbot):
        dialog.press_sign_in()
    assert app.page.sign_in_dialog is None
    assert stored_pair(app) == TokenPair(app.sandbox.state.demo_token, None)


def test_demo_account_is_shown_and_filled_in(start_app: Callable[..., App], qtbot: QtBot) -> None:
    app = start_app(signed_in=False, demo_account=("demo@example.com", "demo-pass"))
    dialog = app.page.wait_sign_in_dialog(qtbot)
    assert dialog.email_box.text() == "demo@example.com"
    assert dialog.password_box.text() == "demo-pass"
    dialog.cancel()


def test_profile_is_shown(start_app: Callable[..., App]) -> None:
    app = start_app()
    text = app.page.user_text
    assert "Ana Ruiz" in text
    assert app.sandbox.state.demo_email in text
    assert "Organisation role: Member" in text


def test_an_expired_token_is_renewed_silently_during_new_conversation(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    state = app.sandbox.state
    app.select(REPO)
    before = expire_access_token(app)
    state.reset_counts()

    with app.page.wait_created(qtbot):
        app.page.panel.click_new()
    assert app.page.sign_in_dialog is None
    assert state.request_count("POST", "/user/refresh") == 1
    assert len(state.conversations_for(repo_id_named(app.sandbox, REPO))) == 1
    after = stored_pair(app)
    assert after is not None
    assert after.refresh not in (None, before.refresh)  # the rotated one was stored


def test_two_renewals_in_a_row_each_use_the_newest_refresh_token(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    """The demo server rotates the refresh token at each renewal: the second renewal must
    send the token the first one handed out, or the person is asked to sign in again."""
    app = start_app()
    state = app.sandbox.state
    seen = [stored_pair(app)]
    for renewal in (1, 2):
        expire_access_token(app)
        with app.page.wait_repositories_shown(qtbot):
            app.page.refresh()
        app.wait_until_idle()
        assert state.request_count("POST", "/user/refresh") == renewal
        assert app.page.sign_in_dialog is None
        seen.append(stored_pair(app))
    refresh_tokens = [pair.refresh for pair in seen if pair is not None]
    assert len(set(refresh_tokens)) == 3  # rotated twice, each stored
    assert app.session.signed_in


def test_a_revoked_refresh_token_asks_to_sign_in_and_then_carries_on(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    state = app.sandbox.state
    dialog = create_after_the_sign_in_ran_out(app, qtbot)
    assert "expired" in dialog.reason
    assert app.page.row_count > 0  # nothing the person was looking at is lost
    assert state.conversations_for(repo_id_named(app.sandbox, REPO)) == []

    with app.page.wait_created(qtbot):
        sign_in_with_password(app, qtbot, dialog)
    assert app.page.panel.repository_name == REPO
    assert len(state.conversations_for(repo_id_named(app.sandbox, REPO))) == 1

    qtbot.waitUntil(app.page.panel.can_start, timeout=5000)
    with app.page.wait_created(qtbot):
        app.page.panel.click_new()
    assert len(state.conversations_for(repo_id_named(app.sandbox, REPO))) == 2


def test_loading_with_two_expired_requests_refreshes_once(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    state = app.sandbox.state
    for path in ("/repo", "/workspace", "/user/profile"):
        state.faults.add("GET", path, Fault(status=401, delay_s=0.1), times=1)
    state.reset_counts()
    with app.page.wait_repositories_shown(qtbot):
        app.page.refresh()
    assert state.request_count("POST", "/user/refresh") == 1
    assert app.page.sign_in_dialog is None


def test_sign_out_revokes_and_removes_both_tokens(
    start_app: Callable[..., App], qtbot: QtBot, memory_keyring: MemoryKeyring
) -> None:
    app = start_app()
    assert len(memory_keyring.entries) == 2  # access and refresh, as separate entries
    app.page.sign_out()
    dialog = app.page.wait_sign_in_dialog(qtbot)
    assert memory_keyring.entries == {}
    assert app.sandbox.state.request_count("POST", "/user/logout") == 1
    assert app.sandbox.state.active_refresh_tokens() == 0
    assert app.page.row_count == 0
    assert not app.page.notice_shown()
    assert not app.session.signed_in
    dialog.cancel()


def test_sign_out_while_offline_still_forgets_and_says_so(
    start_app: Callable[..., App], qtbot: QtBot, memory_keyring: MemoryKeyring
) -> None:
    app = start_app()
    app.run(asyncio.to_thread(app.sandbox.stop))
    app.page.sign_out()
    dialog = app.page.wait_sign_in_dialog(qtbot)
    assert memory_keyring.entries == {}
    assert app.page.notice_shown()
    assert "could not be told" in app.page.notice
    dialog.cancel()


def test_the_dialog_stays_until_the_answer_is_in(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app(signed_in=False)
    state = app.sandbox.state
    state.faults.add("POST", "/user/login", Fault(delay_s=0.5))
    dialog = app.page.wait_sign_in_dialog(qtbot)
    dialog.type_in(qtbot, state.demo_email, state.demo_password)
    with app.page.wait_repositories_shown(qtbot):
        dialog.press_sign_in()
        assert not dialog.cancel_button.isEnabled()
        dialog.cancel()  # Esc, or the title bar's close button
        assert dialog.shown()
    assert app.page.sign_in_dialog is None
    assert app.session.signed_in


def test_an_expiry_found_while_refreshing_keeps_the_list_on_screen(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    state = app.sandbox.state
    expire_access_token(app)
    state.revoke_refresh_tokens()
    app.page.refresh()
    dialog = app.page.wait_sign_in_dialog(qtbot)
    assert app.page.showing == "list"  # not "Loading…" for ever
    assert app.page.row_count > 0
    assert app.page.sign_in_button.isVisible()
    dialog.cancel()


def test_a_cancelled_sign_in_does_not_create_later_unasked(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    state = app.sandbox.state
    create_after_the_sign_in_ran_out(app, qtbot).cancel()
    app.page.wait_sign_in_dialog_closed(qtbot)

    app.page.sign_in()  # much later, the person signs in again
    with app.page.wait_repositories_shown(qtbot):
        sign_in_with_password(app, qtbot, app.page.wait_sign_in_dialog(qtbot))
    app.wait_until_idle()  # a resumed create would be under way or done by now
    assert state.conversations_for(repo_id_named(app.sandbox, REPO)) == []
    assert state.request_count("POST", "/conversation") == 1  # only the one that hit the 401


def test_another_launch_brings_a_minimised_window_back(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    app = start_app()
    app.window.showMinimized()
    qtbot.waitUntil(app.window.isMinimized, timeout=5000)
    app.window.bring_to_front()
    qtbot.waitUntil(lambda: not app.window.isMinimized(), timeout=5000)
    assert app.window.isVisible()


def test_a_click_during_the_reload_after_sign_in_is_the_only_conversation(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    """The person clicks again while the list reloads: the pending resume must not add one."""
    app = start_app()
    state = app.sandbox.state
    dialog = create_after_the_sign_in_ran_out(app, qtbot)
    state.faults.add("GET", "/repo", Fault(delay_s=1.0), times=1)  # a slow reload
    dialog.type_in(qtbot, state.demo_email, state.demo_password)
    with app.page.wait_created(qtbot):
        dialog.press_sign_in()
        app.page.wait_sign_in_dialog_closed(qtbot, timeout=10_000)
        app.page.panel.click_new()  # during the reload, on the kept list
    with app.page.wait_repositories_shown(qtbot):
        pass
    app.wait_until_idle()
    assert len(state.conversations_for(repo_id_named(app.sandbox, REPO))) == 1


def test_sign_out_while_loading_shows_nothing_of_the_old_sign_in(
    start_app: Callable[..., App], qtbot: QtBot, memory_keyring: MemoryKeyring
) -> None:
    app = start_app()
    state = app.sandbox.state
    state.faults.add("GET", "/repo", Fault(delay_s=0.8), times=1)
    app.page.refresh()
    app.page.sign_out()
    dialog = app.page.wait_sign_in_dialog(qtbot)
    app.wait_until_idle()  # the slow answer has arrived and been handled
    assert app.page.repository_total == 0
    assert not app.page.banner_shown()
    assert app.page.sign_in_dialog == dialog
    assert memory_keyring.entries == {}
    dialog.cancel()


def test_a_renewal_that_fails_before_a_create_is_not_a_maybe(
    start_app: Callable[..., App], qtbot: QtBot
) -> None:
    """The create was never sent: a plain message, and no lookup for a conversation."""
    app = start_app()
    state = app.sandbox.state
    app.select(REPO)
    expire_access_token(app)
    state.faults.add("POST", "/user/refresh", Fault(status=502), times=None)
    state.reset_counts()
    with app.page.wait_dialog(qtbot) as opened:
        app.page.panel.click_new()
    dialog = ErrorDialogPage(opened.args[0])
    text = dialog.message
    assert "couldn't start" in dialog.headline
    assert "No new conversation" not in text
    assert state.request_count("POST", "/conversation") == 0
    assert state.request_count("GET", "/conversation") == 0
