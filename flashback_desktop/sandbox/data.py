"""Seeded demo data and the sandbox's in-memory store.

Everything seeded is deterministic: fixed ids (UUID5 of readable names),
fixed dates, and fake secrets derived from hashes, so screenshots, tests and
benchmarks see the same organisation every time. Only what happens at run
time (conversation ids, refresh tokens, the signing key) is random.

The shapes follow flashback-api/openapi.yaml on purpose without sharing any
code with the client: the sandbox must agree with the contract, not with
the client's reading of it.
"""

from __future__ import annotations

import copy
import hashlib
import itertools
import re
import secrets
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from . import tokens
from .assistant import models_of
from .faults import FaultPlan
from .messages import iso, long_history, seeded_history, token_totals
from .totp import totp_code, verify_totp

Json = dict[str, Any]

_NAMESPACE = uuid.UUID("6f1c9a52-3b8e-4d7a-9c15-0e2f4b6d8a31")

ORG_ID = str(uuid.uuid5(_NAMESPACE, "org:acme"))
ORG_NAME = "Acme Ltd"

# Public demo credentials: they only ever open the sandbox.
DEMO_EMAIL = "ana.ruiz@demo.flashback.tech"
DEMO_PASSWORD = "demo-password"  # noqa: S105 - published demo credential, not a secret

ORG_ROLE_NAMES = {0: "USER", 1: "BILLING", 2: "WORKSPACES", 254: "ADMINISTRATORS", 255: "OWNER"}
_ORG_ADMIN_ROLES = frozenset({254, 255})
REFRESH_LIFETIME_S = 30 * 24 * 3600


def _id(kind: str, name: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:{name}"))


def _opaque(seed: str, length: int, alphabet: str = "0123456789abcdef") -> str:
    """A fake secret-looking string that is the same on every run."""
    digest = hashlib.sha256(seed.encode("utf-8")).digest()
    while len(digest) < length:
        digest += hashlib.sha256(digest).digest()
    return "".join(alphabet[byte % len(alphabet)] for byte in digest[:length])


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


# ---------------------------------------------------------------- users

ANA_ID = _id("user", "ana.ruiz")
BEN_ID = _id("user", "ben.okafor")
CHLOE_ID = _id("user", "chloe.martin")
DAN_ID = _id("user", "dan.whitfield")
FARAH_ID = _id("user", "farah.haddad")
GUS_ID = _id("user", "gus.moreau")
HANA_ID = _id("user", "hana.ito")
DEMO_USER_ID = ANA_ID

# MFAType values (TS client). Only GOOGLE_AUTH can be completed inside the desktop app;
# magic links and passkeys need a browser.
MFA_GOOGLE_AUTH = "GOOGLE_AUTH"
MFA_MAGIC_LINK = "MAGIC_LINK"
MFA_PASSKEY = "PASSKEY"
MFA_TYPES = (MFA_GOOGLE_AUTH, MFA_MAGIC_LINK, MFA_PASSKEY)

# The claim that marks a limited (pre-MFA) access token, and its value.
MFA_CLAIM = "mfa"
MFA_PENDING = "pending"

MFA_EMAIL = "farah.haddad@demo.flashback.tech"
# The classic authenticator-app example secret: it only ever opens the sandbox.
MFA_TOTP_SECRET = "JBSWY3DPEHPK3PXP"  # noqa: S105 - published demo value
MAGIC_LINK_EMAIL = "gus.moreau@demo.flashback.tech"
NO_PASSWORD_EMAIL = "hana.ito@demo.flashback.tech"  # noqa: S105 - an e-mail address, not a password


@dataclass(frozen=True)
class _UserSpec:
    user_id: str
    first: str
    last: str
    local: str  # e-mail local part
    org_role: int = 0
    active: bool = True
    has_password: bool = True  # False: the account signs in through an OAuth provider only
    mfa_methods: tuple[str, ...] = ()  # enabled MFAType values, primary first; any means required
    totp_secret: str | None = None  # base32, for GOOGLE_AUTH


_USERS: tuple[_UserSpec, ...] = (
    _UserSpec(ANA_ID, "Ana", "Ruiz", "ana.ruiz"),
    _UserSpec(BEN_ID, "Ben", "Okafor", "ben.okafor", org_role=255),
    _UserSpec(CHLOE_ID, "Chloe", "Martin", "chloe.martin"),
    _UserSpec(DAN_ID, "Dan", "Whitfield", "dan.whitfield", active=False),  # left: USER_INACTIVE
    _UserSpec(
        FARAH_ID,
        "Farah",
        "Haddad",
        "farah.haddad",
        mfa_methods=(MFA_GOOGLE_AUTH,),
        totp_secret=MFA_TOTP_SECRET,
    ),
    # MFA the desktop app cannot complete: the sign-in must stop with a clear message.
    _UserSpec(GUS_ID, "Gus", "Moreau", "gus.moreau", mfa_methods=(MFA_MAGIC_LINK, MFA_PASSKEY)),
    _UserSpec(HANA_ID, "Hana", "Ito", "hana.ito", has_password=False),  # Google sign-in only
)


def _user_record(spec: _UserSpec) -> Json:
    return {
        "id": spec.user_id,
        "name": spec.first,
        "lastName": spec.last,
        "email": f"{spec.local}@demo.flashback.tech",
        "password": DEMO_PASSWORD if spec.has_password else None,
        "orgId": ORG_ID,
        "orgRole": spec.org_role,
        "active": spec.active,
        "mfaMethods": list(spec.mfa_methods),
        "totpSecret": spec.totp_secret,
    }


def seed_users() -> list[Json]:
    """Sandbox user records (internal shape: password, active flag, MFA methods and secret)."""
    return [_user_record(spec) for spec in _USERS]


# ---------------------------------------------------------------- workspaces

WORKSPACE_IDS = {
    name: _id("workspace", name)
    for name in ("Marketing", "Legal", "Finance", "Operations", "Executive")
}
# Ana (the demo user) belongs to every workspace except Executive.
DEMO_WORKSPACES = ("Marketing", "Legal", "Finance", "Operations")
_MEMBERS: dict[str, tuple[tuple[str, str], ...]] = {
    # Farah, Gus and Hana can read Marketing, so they see repositories once signed in.
    "Marketing": (
        (ANA_ID, "WRITE"),
        (BEN_ID, "ADMIN"),
        (CHLOE_ID, "ADMIN"),
        (FARAH_ID, "READ"),
        (GUS_ID, "READ"),
        (HANA_ID, "READ"),
    ),
    "Legal": ((ANA_ID, "READ"), (BEN_ID, "ADMIN")),
    "Finance": ((ANA_ID, "ADMIN"), (BEN_ID, "ADMIN")),
    "Operations": ((ANA_ID, "READ"), (BEN_ID, "ADMIN"), (CHLOE_ID, "WRITE")),
    "Executive": ((BEN_ID, "ADMIN"), (CHLOE_ID, "READ")),
}


def seed_workspaces() -> list[Json]:
    """Workspaces shaped like WorkspaceSummary, with their member lists."""
    users = {user["id"]: user for user in seed_users()}
    return [
        {
            "id": WORKSPACE_IDS[name],
            "name": name,
            "orgId": ORG_ID,
            "users": [
                {
                    "userId": user_id,
                    "role": role,
                    "user": {
                        key: users[user_id][key]
                        for key in ("id", "name", "lastName", "email", "orgRole")
                    },
                }
                for user_id, role in members
            ],
        }
        for name, members in _MEMBERS.items()
    ]


# ---------------------------------------------------------------- repositories

_AI_PROVIDERS = {
    "OPENAI": ("OpenAI GPT", "https://api.openai.com/v1"),
    "ANTHROPIC": ("Anthropic Claude", "https://api.anthropic.com/v1"),
    "GOOGLE": ("Google Gemini", "https://generativelanguage.googleapis.com/v1beta/openai"),
    "AWS": ("AWS Bedrock", "https://bedrock-runtime.eu-west-1.amazonaws.com"),
}
_REGIONS = {
    "S3": ("eu-west-1", "us-east-1"),
    "GCS": ("europe-west1", "us-central1"),
    "BLOB": ("westeurope", "eastus"),
}


@dataclass(frozen=True)
class _RepoSpec:
    name: str
    workspace: str
    storage: str  # S3 | GCS | BLOB
    mode: str  # NORMAL | MIRROR
    ai: str | None  # space-separated AiTypes; "" gives "aiLlms": [], None leaves the field out
    created: str  # "YYYY-MM-DD HH:MM", UTC
    disabled: bool = False
    wallet: bool = False
    ai_link_only: bool = False  # aiLlms entries carry aiLlmId without the nested aiLlm


_SEED_REPOS = (
    _RepoSpec("Marketing assets", "Marketing", "S3", "NORMAL", "OPENAI", "2026-03-12 09:15"),
    _RepoSpec("Brand guidelines", "Marketing", "GCS", "NORMAL", "", "2025-11-04 14:02"),
    _RepoSpec(
        "Campaigns 2026", "Marketing", "S3", "MIRROR", "ANTHROPIC OPENAI", "2026-04-01 08:30"
    ),
    _RepoSpec("Social media archive", "Marketing", "BLOB", "NORMAL", None, "2025-06-20 16:45"),
    _RepoSpec("Contracts 2026", "Legal", "GCS", "NORMAL", None, "2026-01-02 10:00"),
    _RepoSpec("Contracts archive 2019-2025", "Legal", "S3", "MIRROR", "OPENAI", "2025-12-30 17:20"),
    _RepoSpec("NDAs", "Legal", "BLOB", "NORMAL", "GOOGLE", "2025-09-15 11:10", ai_link_only=True),
    _RepoSpec("Litigation holds", "Legal", "S3", "NORMAL", "", "2025-03-03 09:00", disabled=True),
    _RepoSpec(
        "Invoices 2026", "Finance", "S3", "NORMAL", "OPENAI", "2026-01-05 07:55", wallet=True
    ),
    _RepoSpec("Audit evidence FY2025", "Finance", "GCS", "MIRROR", None, "2026-02-10 13:40"),
    _RepoSpec("Payroll exports", "Finance", "BLOB", "NORMAL", "", "2025-08-01 06:00"),
    _RepoSpec("Budget planning", "Finance", "S3", "NORMAL", "AWS", "2026-02-27 15:25"),
    _RepoSpec("Vendor onboarding", "Operations", "GCS", "NORMAL", "ANTHROPIC", "2025-10-08 12:12"),
    _RepoSpec(
        "IT runbooks", "Operations", "BLOB", "MIRROR", "OPENAI", "2025-05-19 10:30", wallet=True
    ),
    # Executive: Ana is not a member, so these are hidden from her and refused (403).
    _RepoSpec("Board minutes", "Executive", "S3", "NORMAL", "OPENAI", "2026-01-20 18:00"),
    _RepoSpec("M&A due diligence", "Executive", "GCS", "MIRROR", "", "2026-03-30 09:45"),
)


def _encrypted_envelope(seed: str) -> Json:
    """An EncryptedKey the client cannot (and need not) decrypt."""
    return {
        "key": _opaque(f"{seed}:key", 64),
        "iv": _opaque(f"{seed}:iv", 24),
        "authTag": _opaque(f"{seed}:tag", 32),
        "message": _opaque(f"{seed}:msg", 96),
    }


_UPPER32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def _access_key(storage: str, seed: str) -> str:
    if storage == "BLOB":  # Azure names the storage account instead of an access key id
        return "acmedemo" + _opaque(f"{seed}:access", 8, "abcdefghijklmnopqrstuvwxyz0123456789")
    prefix = "AKIA" if storage == "S3" else "GOOG1E"
    return prefix + _opaque(f"{seed}:access", 16, _UPPER32)


def _endpoint(storage: str, region: str) -> str:
    if storage == "S3":
        return f"https://s3.{region}.amazonaws.com"
    if storage == "GCS":
        return "https://storage.googleapis.com"
    return f"https://acmedemo{region}.blob.core.windows.net"


def _bucket(repo: Json, index: int, master: bool) -> Json:
    storage = repo["storageType"]
    region = _REGIONS[storage][index % 2]
    bucket_id = _id("bucket", f"{repo['id']}:{index}")
    bucket: Json = {
        "id": bucket_id,
        "name": f"{repo['name']} ({'primary' if master else 'mirror'})",
        "bucket": f"acme-{_slug(repo['name'])}-{region}"[:63],
        "storageType": storage,
        "key": _access_key(storage, bucket_id),
        "secret": _encrypted_envelope(bucket_id),
        "endpoint": _endpoint(storage, region),
        "region": region,
        "status": "ACTIVE",
        "createdAt": repo["createdAt"],
        "workspaceId": repo["workspaceId"],
        "repos": [{key: repo[key] for key in ("id", "name", "storageType", "createdAt")}],
    }
    if storage == "GCS":
        bucket["projectId"] = "acme-demo-storage"
    return {
        "folder": f"{_slug(repo['name'])}/",
        "master": master,
        "bucketId": bucket_id,
        "bucket": bucket,
    }


def _ai_llm(provider: str, workspace_id: str, created: str) -> Json:
    label, endpoint = _AI_PROVIDERS[provider]
    return {
        "id": _id("aillm", f"{provider}:{workspace_id}"),
        "orgId": ORG_ID,
        "workspaceId": workspace_id,
        "userId": BEN_ID,
        "name": label,
        "aiType": provider,
        "endpoint": endpoint,
        "key": None,  # the API never returns provider secrets
        "createdAt": created,
    }


def _ai_links(spec: _RepoSpec, workspace_id: str, created: str) -> list[Json]:
    links = []
    for provider in (spec.ai or "").split():
        llm = _ai_llm(provider, workspace_id, created)
        links.append(
            {"aiLlmId": llm["id"]} if spec.ai_link_only else {"aiLlmId": llm["id"], "aiLlm": llm}
        )
    return links


def _build_repo(spec: _RepoSpec, repo_id: str) -> Json:
    created = iso(datetime.fromisoformat(spec.created).replace(tzinfo=UTC))
    repo: Json = {
        "id": repo_id,
        "name": spec.name,
        "storageType": spec.storage,
        "mode": spec.mode,
        "workspaceId": WORKSPACE_IDS[spec.workspace],
        "createdAt": created,
    }
    masters = (True, False) if spec.mode == "MIRROR" else (True,)
    repo["buckets"] = [_bucket(repo, index, master) for index, master in enumerate(masters)]
    if spec.ai is not None:
        repo["aiLlms"] = _ai_links(spec, repo["workspaceId"], created)
    if spec.disabled:
        repo["disabled"] = True
    if spec.wallet:
        repo["walletAddress"] = "G" + _opaque(f"{repo_id}:wallet", 55, _UPPER32)  # Stellar-style
    return repo


def seed_repos() -> list[Json]:
    """The demo repositories (StorageRepoWithBuckets), including two the demo user cannot see."""
    return [_build_repo(spec, _id("repo", spec.name)) for spec in _SEED_REPOS]


_BENCH_TOPICS = (
    "Contracts", "Invoices", "Marketing assets", "Product photos", "Press releases", "HR records",
    "Payroll exports", "Audit evidence", "Board papers", "Supplier contracts", "Customer letters",
    "Design files", "Research data", "Compliance reports", "Training materials", "Tax filings",
    "Sales proposals", "Project archive", "Legal opinions", "IT runbooks", "Vendor quotes",
    "Event photos", "Brand guidelines", "Insurance policies", "Procurement records",
)  # fmt: skip
_BENCH_QUALIFIERS = (
    "2022", "2023", "2024", "2025", "2026", "EMEA", "APAC", "Americas", "archive", "Q1",
    "Q2", "Q3", "Q4", "drafts", "signed", "shared", "restricted", "backup", "UK", "Germany",
)  # fmt: skip
_BENCH_AI = ("OPENAI", "", None, "ANTHROPIC")
_BENCH_EPOCH = datetime(2026, 4, 30, 12, 0, tzinfo=UTC).timestamp()


def _bench_name(index: int) -> str:
    combos = len(_BENCH_TOPICS) * len(_BENCH_QUALIFIERS)
    topic = _BENCH_TOPICS[index % len(_BENCH_TOPICS)]
    qualifier = _BENCH_QUALIFIERS[(index // len(_BENCH_TOPICS)) % len(_BENCH_QUALIFIERS)]
    round_ = index // combos
    return f"{topic} {qualifier}" + (f" ({round_ + 1})" if round_ else "")


def make_repos(count: int) -> list[Json]:
    """``count`` realistic repos in the demo user's workspaces; the same output on every call."""
    if count < 0:
        raise ValueError("count must not be negative")
    repos = []
    for index in range(count):
        spec = _RepoSpec(
            name=_bench_name(index),
            workspace=DEMO_WORKSPACES[index % len(DEMO_WORKSPACES)],
            storage=("S3", "GCS", "BLOB")[index % 3],
            mode="MIRROR" if index % 5 == 4 else "NORMAL",
            ai=_BENCH_AI[index % len(_BENCH_AI)],
            created=datetime.fromtimestamp(_BENCH_EPOCH - index * 37 * 60, UTC).strftime(
                "%Y-%m-%d %H:%M"
            ),
            disabled=index % 97 == 96,
        )
        repos.append(_build_repo(spec, _id("bench-repo", str(index))))
    return repos


def ai_types_of(repo: Json) -> list[str]:
    """The AiTypes of a repository's AI configurations, in order, without repeats.

    A link that carries only ``aiLlmId`` (as the TS type allows) is resolved by its id.
    """
    by_id = {_id("aillm", f"{p}:{repo['workspaceId']}"): p for p in _AI_PROVIDERS}
    found: list[str] = []
    for link in repo.get("aiLlms") or ():
        llm = link.get("aiLlm")
        ai_type = llm.get("aiType") if isinstance(llm, dict) else by_id.get(link.get("aiLlmId"))
        if ai_type is not None and ai_type not in found:
            found.append(ai_type)
    return found


def default_model(repo: Json) -> str | None:
    """The id of the model a prompt uses when it names none (None: the repo has no AI)."""
    models = [m for ai_type in ai_types_of(repo) for m in models_of(ai_type)]
    return models[0].id if models else None


# ---------------------------------------------------------------- AI policies

# The demo policy: a prompt containing this word (any case) is refused with 403.
BLOCKED_WORD = "confidential"
BLOCK_POLICY_ID = _id("policy", "no-confidential")
POLICY_BLOCK = 2  # PolicyActionType: 0 log, 1 alert, 2 block


def seed_policies() -> list[Json]:
    """GET /policy records: one organisation-wide block (BLOCKED_WORD) and one Finance log."""
    ben = {
        "id": BEN_ID,
        "name": "Ben",
        "lastName": "Okafor",
        "email": "ben.okafor@demo.flashback.tech",
    }
    created = iso(datetime(2026, 1, 15, 9, 0, tzinfo=UTC))
    finance = WORKSPACE_IDS["Finance"]
    common = {"orgId": ORG_ID, "createdBy": ben, "createdAt": created, "lastUpdatedBy": ben}
    return [
        {
            "id": BLOCK_POLICY_ID,
            **common,
            "name": "No confidential material",
            "content": f'Prompts that contain the word "{BLOCKED_WORD}" are blocked.',
            "riskType": "HIGH",
            "actionType": POLICY_BLOCK,
            "lastUpdatedAt": created,
            "workspaceId": None,
            "repoId": None,
            "workspace": None,
            "repo": None,
        },
        {
            "id": _id("policy", "log-salaries"),
            **common,
            "name": "Log salary questions",
            "content": "Prompts about salaries are logged for review by HR.",
            "riskType": "MEDIUM",
            "actionType": 0,
            "lastUpdatedAt": created,
            "workspaceId": finance,
            "repoId": None,
            "workspace": {"id": finance, "name": "Finance"},
            "repo": None,
        },
    ]


# ---------------------------------------------------------------- the store


class ApiError(Exception):
    """A documented failure: the server turns it into ``{success: false, message, ...}``."""

    def __init__(self, status: int, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.extra = extra

    def body(self) -> Json:
        return {"success": False, **self.extra, "message": self.message}


@dataclass(frozen=True)
class ConversationQuery:
    """Parsed GET /conversation parameters."""

    take: int = 50
    skip: int = 0
    repo_id: str | None = None
    workspace_id: str | None = None
    user_id: str | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None
    show_deleted: bool = False


@dataclass
class _StoredConversation:
    seq: int  # creation order, to break ties between equal timestamps
    created: datetime
    record: Json
    messages: list[Json] = field(default_factory=list)  # oldest first; gone with a hard delete


@dataclass
class _RefreshToken:
    token_id: str
    user_id: str
    expires_at: float
    mfa_pending: bool = False  # issued before MFA: refreshing it gives another limited token


@dataclass(frozen=True)
class Caller:
    """Who a valid bearer token belongs to, and whether it is only a limited (pre-MFA) token."""

    user: Json
    mfa_pending: bool
    token_id: str | None = None  # the session (refresh tokenId) a limited token came from


def _check_totp(user: Json, code: object) -> None:
    if not isinstance(code, str) or not code:
        raise ApiError(
            400,
            "code (the 6-digit code from the authenticator app) is required for GOOGLE_AUTH",
            error_code="MFA_CODE_REQUIRED",
        )
    if not verify_totp(user["totpSecret"], code):
        raise ApiError(400, "The verification code is not valid", error_code="INVALID_MFA_CODE")


# The sandbox sends no e-mails and registers no passkeys, so a magic-link token or a
# passkey credential is never right: these methods always fail, each with its own code,
# which is exactly what a desktop client has to cope with.


def _refuse_magic_link(link_token: object) -> None:
    if not link_token:
        raise ApiError(
            400,
            "MAGIC_LINK needs the token from the link in the sign-in e-mail",
            error_code="MFA_TOKEN_REQUIRED",
        )
    raise ApiError(
        400, "The magic link is not valid or has expired", error_code="INVALID_MAGIC_LINK"
    )


def _refuse_passkey(credential: object) -> None:
    if not credential:
        raise ApiError(
            400,
            "PASSKEY needs a WebAuthn credential, which only a browser can provide",
            error_code="MFA_CREDENTIAL_REQUIRED",
        )
    raise ApiError(
        400, "The passkey credential is not valid", error_code="INVALID_PASSKEY_CREDENTIAL"
    )


def _check_second_factor(
    user: Json, mfa_type: str, code: object, link_token: object, credential: object
) -> None:
    """Raise ApiError(400) unless the proof for ``mfa_type`` is right."""
    if mfa_type == MFA_GOOGLE_AUTH:
        _check_totp(user, code)
    elif mfa_type == MFA_MAGIC_LINK:
        _refuse_magic_link(link_token)
    else:
        _refuse_passkey(credential)


class SandboxState:
    """Everything the sandbox knows; every method is safe to call from any thread."""

    def __init__(self, *, repos: Sequence[Json] | None = None, secret: bytes | None = None) -> None:
        self._lock = threading.RLock()
        self._secret = secret if secret is not None else secrets.token_bytes(32)
        self.demo_email = DEMO_EMAIL
        self.demo_password = DEMO_PASSWORD
        self.demo_user_id = DEMO_USER_ID
        # Seeded accounts for the other sign-in paths (all use demo_password, except Hana).
        self.mfa_email = MFA_EMAIL
        self.mfa_user_id = FARAH_ID
        self.mfa_totp_secret = MFA_TOTP_SECRET
        self.magic_link_email = MAGIC_LINK_EMAIL
        self.magic_link_user_id = GUS_ID
        self.no_password_email = NO_PASSWORD_EMAIL
        self.org_name = ORG_NAME
        self.token_lifetime_s = 3600  # lifetime of tokens handed out by login and refresh
        self.users = seed_users()
        self.workspaces = seed_workspaces()
        self.repos: list[Json] = list(repos) if repos is not None else seed_repos()
        self.faults = FaultPlan()
        self._conversations_enabled = True
        # The demo assistant: how long it takes to answer (0 for tests; the demo uses
        # DEMO_REPLY_DELAY_S), and whether it answers inside the POST (like a server that
        # waits for the model) or only later, in the messages (like one that queues the work).
        self.reply_delay_s = 0.0
        self.replies_after_answer = False
        self.policies = seed_policies()
        self._conversations: dict[str, _StoredConversation] = {}
        self._sequence = itertools.count()
        self._counts: Counter[tuple[str, str]] = Counter()
        self._in_flight = 0  # requests received and not yet fully answered
        # Per request: the names (never the values) of the headers it carried.
        self._header_names: dict[tuple[str, str], list[frozenset[str]]] = {}
        self._refresh_tokens: dict[str, _RefreshToken] = {}
        self._demo_token: str | None = None
        self._issued: list[str] = []  # every access and refresh token handed out

    # -- switches and counters tests use

    @property
    def conversations_enabled(self) -> bool:
        """False makes the server behave like production, which has no /conversation routes."""
        with self._lock:
            return self._conversations_enabled

    @conversations_enabled.setter
    def conversations_enabled(self, enabled: bool) -> None:
        with self._lock:
            self._conversations_enabled = enabled

    def record_request(
        self, method: str, paths: Iterable[str], header_names: Iterable[str] = ()
    ) -> None:
        names = frozenset(name.lower() for name in header_names)
        with self._lock:
            for path in set(paths):
                self._counts[(method.upper(), path)] += 1
                self._header_names.setdefault((method.upper(), path), []).append(names)

    def request_started(self) -> None:
        with self._lock:
            self._in_flight += 1

    def request_finished(self) -> None:
        with self._lock:
            self._in_flight -= 1

    def requests_in_flight(self) -> int:
        """Requests received and not yet fully answered (a test's "the server is idle")."""
        with self._lock:
            return self._in_flight

    def request_header_names(self, method: str, path: str) -> list[frozenset[str]]:
        """For each request to ``method path``, the (lower-case) names of its headers.

        Lets a test prove that a request carried no Authorization header at all.
        """
        with self._lock:
            return list(self._header_names.get((method.upper(), path), ()))

    def request_count(self, method: str, path: str) -> int:
        """Requests received for ``method path`` (request path or route template, no query)."""
        with self._lock:
            return self._counts[(method.upper(), path)]

    def reset_counts(self) -> None:
        with self._lock:
            self._counts.clear()
            self._header_names.clear()

    def current_totp_code(self, at: float | None = None) -> str:
        """The code an authenticator app holding ``mfa_totp_secret`` shows now (or at ``at``)."""
        return totp_code(self.mfa_totp_secret, at)

    def revoke_refresh_tokens(self, user_id: str | None = None) -> int:
        """Revoke every refresh token, or one user's; return how many were revoked."""
        with self._lock:
            doomed = [
                refresh
                for refresh, stored in self._refresh_tokens.items()
                if user_id in (None, stored.user_id)
            ]
            for refresh in doomed:
                del self._refresh_tokens[refresh]
            return len(doomed)

    def active_refresh_tokens(self, user_id: str | None = None) -> int:
        """Unexpired refresh tokens, all of them or one user's."""
        with self._lock:
            now = time.time()
            return sum(
                1
                for stored in self._refresh_tokens.values()
                if stored.expires_at > now and user_id in (None, stored.user_id)
            )

    # -- tokens

    def _user(self, user_id: str) -> Json:
        for user in self.users:
            if user["id"] == user_id:
                return user
        raise KeyError(f"no sandbox user with id {user_id}")

    def _issue(
        self, user: Json, lifetime_s: int, *, mfa_pending: bool = False, token_id: str | None = None
    ) -> tuple[str, int]:
        now = int(time.time())
        exp = now + lifetime_s
        claims: Json = {
            "userId": user["id"],
            "email": user["email"],
            "orgId": user["orgId"],
            "type": "access",
            "iat": now,
            "exp": exp,
        }
        if mfa_pending:
            claims[MFA_CLAIM] = MFA_PENDING
            if token_id is not None:  # lets verify-login upgrade this very session
                claims["tokenId"] = token_id
        token = tokens.sign(claims, self._secret)
        self._issued.append(token)
        return token, exp

    def issue_token(
        self, user_id: str | None = None, lifetime_s: int = 3600, *, limited: bool = False
    ) -> str:
        """A signed access token; a negative lifetime gives an already expired one.

        ``limited=True`` gives a pre-MFA token, as login hands to MFA users.
        """
        with self._lock:
            user = self._user(user_id or self.demo_user_id)
            return self._issue(user, lifetime_s, mfa_pending=limited)[0]

    def issued_secrets(self) -> tuple[str, ...]:
        """Every access and refresh token this sandbox issued, for secret-leak audits."""
        with self._lock:
            return tuple(self._issued)

    @property
    def demo_token(self) -> str:
        """A valid access token for the demo user, issued on first use."""
        with self._lock:
            if self._demo_token is None:
                self._demo_token = self.issue_token()
            return self._demo_token

    def caller(self, token: str) -> Caller:
        """The active user a bearer token belongs to, limited or not; else ApiError(401)."""
        try:
            claims = tokens.verify(token, self._secret)
        except tokens.TokenError as exc:
            message = "Token expired" if exc.reason == "expired" else "Invalid token"
            raise ApiError(401, message) from exc
        with self._lock:
            user = next((u for u in self.users if u["id"] == claims.get("userId")), None)
        if claims.get("type") != "access" or user is None or not user["active"]:
            raise ApiError(401, "Invalid token")
        token_id = claims.get("tokenId")
        return Caller(user, MFA_CLAIM in claims, token_id if isinstance(token_id, str) else None)

    def authenticate(self, token: str) -> Json:
        """The user of a full-access token; ApiError(401) if invalid, 403 if MFA is pending."""
        caller = self.caller(token)
        if caller.mfa_pending:
            raise ApiError(403, "Two-step verification is required", error_code="MFA_REQUIRED")
        return caller.user

    # -- session

    def _new_session(
        self, user: Json, token_id: str | None = None, *, mfa_pending: bool = False
    ) -> Json:
        token_id = token_id or str(uuid.uuid4())
        access, exp = self._issue(
            user, self.token_lifetime_s, mfa_pending=mfa_pending, token_id=token_id
        )
        refresh = secrets.token_urlsafe(32)
        self._issued.append(refresh)
        self._refresh_tokens[refresh] = _RefreshToken(
            token_id, user["id"], time.time() + REFRESH_LIFETIME_S, mfa_pending
        )
        return {
            "accessToken": access,
            "refreshToken": refresh,
            "tokenId": token_id,
            "expiresAt": exp,
        }

    @staticmethod
    def _check_credentials(user: Json | None, password: str) -> Json:
        # The order of checks is the real server's: unknown, no password, wrong, inactive.
        if user is None:
            raise ApiError(401, "User not found", error_code="USER_NOT_FOUND")
        if user["password"] is None:
            raise ApiError(
                401,
                "This account has no password; sign in with the provider it was created with",
                error_code="NO_PASSWORD_SET",
            )
        if not secrets.compare_digest(user["password"].encode(), password.encode()):
            raise ApiError(401, "Invalid password", error_code="INVALID_PASSWORD")
        if not user["active"]:
            raise ApiError(401, "User account is inactive", error_code="USER_INACTIVE")
        return user

    def login(self, email: str, password: str) -> Json:
        """LoginResponse for good credentials, else ApiError(401) with an error_code.

        For an account with MFA the tokens are limited until POST /mfa/verify-login.
        """
        with self._lock:
            found = next(
                (u for u in self.users if u["email"].lower() == email.strip().lower()), None
            )
            user = self._check_credentials(found, password)
            session = self._new_session(user, mfa_pending=bool(user["mfaMethods"]))
        public = {key: user[key] for key in ("id", "email", "name", "orgId", "orgRole")}
        return {"success": True, **session, "user": public}

    def refresh(self, refresh_token: str) -> Json:
        """Rotate a refresh token: the old one stops working, as on the real server."""
        with self._lock:
            stored = self._refresh_tokens.pop(refresh_token, None)
            if stored is None or stored.expires_at <= time.time():
                raise ApiError(
                    401, "Invalid or expired refresh token", error_code="INVALID_REFRESH_TOKEN"
                )
            session = self._new_session(
                self._user(stored.user_id), stored.token_id, mfa_pending=stored.mfa_pending
            )
        return {
            "success": True,
            "token": session["accessToken"],
            "accessToken": session["accessToken"],
            "refreshToken": session["refreshToken"],
            "expiresAt": session["expiresAt"],
        }

    def logout(self, user_id: str, refresh_token: str) -> None:
        with self._lock:
            stored = self._refresh_tokens.get(refresh_token)
            if stored is not None and stored.user_id == user_id:
                del self._refresh_tokens[refresh_token]

    # -- MFA at sign-in

    @staticmethod
    def mfa_status(caller: Caller) -> Json:
        """MFAStatus for GET /mfa/status; accounts with any method enabled must use MFA."""
        methods = list(caller.user["mfaMethods"])
        required = bool(methods)
        return {
            "isEnabled": required,
            "isRequired": required,
            "isEnforced": required,
            "enabledMethods": methods,
            "primaryMethod": methods[0] if methods else None,
            "sessionVerified": not caller.mfa_pending,
        }

    def verify_login(
        self,
        caller: Caller,
        mfa_type: str,
        *,
        code: object = None,
        link_token: object = None,
        credential: object = None,
    ) -> Json:
        """Trade a limited token and a second factor for a full session (POST /mfa/verify-login).

        The pending refresh token of the caller's session is revoked; the new
        full one keeps the session's tokenId.
        """
        if not caller.mfa_pending:
            raise ApiError(
                400, "This session is already verified", error_code="MFA_ALREADY_VERIFIED"
            )
        user = caller.user
        if mfa_type not in MFA_TYPES:
            raise ApiError(
                400, f"mfaType must be one of {', '.join(MFA_TYPES)}", error_code="INVALID_MFA_TYPE"
            )
        if mfa_type not in user["mfaMethods"]:
            raise ApiError(
                400,
                f"{mfa_type} is not enabled for this account",
                error_code="MFA_METHOD_NOT_ENABLED",
            )
        _check_second_factor(user, mfa_type, code, link_token, credential)
        with self._lock:
            self._revoke_pending(user["id"], caller.token_id)
            session = self._new_session(user, caller.token_id)
        return {
            "success": True,
            "message": "Verified",
            "fullAccessToken": session["accessToken"],
            "refreshToken": session["refreshToken"],
        }

    def _revoke_pending(self, user_id: str, token_id: str | None) -> None:
        for refresh, stored in list(self._refresh_tokens.items()):
            if stored.mfa_pending and stored.user_id == user_id and stored.token_id == token_id:
                del self._refresh_tokens[refresh]

    # -- identity, workspaces, repositories

    def profile(self, user: Json) -> Json:
        role = user["orgRole"]
        return {
            "id": user["id"],
            "name": user["name"],
            "lastName": user["lastName"],
            "email": user["email"],
            "orgId": user["orgId"],
            "orgRole": role,
            "orgRoleDescription": ORG_ROLE_NAMES.get(role, "USER"),
            "orgRoles": [role],
            "validated": True,
            "mfaRequired": bool(user["mfaMethods"]),
            "isBusiness": True,
        }

    def role_in(self, user_id: str, workspace_id: str) -> str | None:
        """The user's AccessType in a workspace, or None when not a member."""
        with self._lock:
            for workspace in self.workspaces:
                if workspace["id"] == workspace_id:
                    return next(
                        (m["role"] for m in workspace["users"] if m["userId"] == user_id), None
                    )
        return None

    def _member_of(self, user_id: str) -> list[Json]:
        return [w for w in self.workspaces if any(m["userId"] == user_id for m in w["users"])]

    def workspaces_for(self, user_id: str) -> list[Json]:
        with self._lock:
            return copy.deepcopy(self._member_of(user_id))

    def repos_for(
        self,
        user_id: str,
        *,
        workspace_id: str | None,
        repo_id: str | None,
        wallet_address: str | None,
    ) -> list[Json]:
        """Repos in the user's workspaces, narrowed by the optional filters (shared, not copied)."""
        with self._lock:
            member_of = {w["id"] for w in self._member_of(user_id)}
            return [
                repo
                for repo in self.repos
                if repo["workspaceId"] in member_of
                and workspace_id in (None, repo["workspaceId"])
                and repo_id in (None, repo["id"])
                and wallet_address in (None, repo.get("walletAddress"))
            ]

    # -- conversations

    def create_conversation(self, user: Json, repo_id: str) -> str:
        """Create a conversation for ``repo_id``: 404 unknown repo, 403 not a member."""
        with self._lock:
            repo = next((r for r in self.repos if r["id"] == repo_id), None)
            if repo is None:
                raise ApiError(404, "Repository not found")
            if self.role_in(user["id"], repo["workspaceId"]) is None:
                raise ApiError(403, "You do not have access to this repository's workspace")
            return self._store_conversation(user, repo, datetime.now(UTC))

    def add_conversation(
        self,
        repo_id: str,
        *,
        user_id: str | None = None,
        created_at: datetime | None = None,
        title: str | None = None,
        tokens_in: int = 0,
        tokens_out: int = 0,
        with_creator: bool = True,
        deleted: bool = False,
        org_id: str | None = None,
    ) -> str:
        """Seed a conversation as if it had been used (tests and demo data; no HTTP route).

        A title and token counts are what a conversation gets once prompts were sent;
        here they are set directly, without messages (``append_messages`` adds those,
        counting their tokens). ``with_creator=False`` leaves out the optional
        ``creator`` object, so the record names its creator by user id only. ``org_id``
        puts it in another organisation, which nobody here may see or use.
        """
        with self._lock:
            repo = next(r for r in self.repos if r["id"] == repo_id)
            user = self._user(user_id or self.demo_user_id)
            moment = created_at or datetime.now(UTC)
            conversation_id = self._store_conversation(user, repo, moment)
            record = self._conversations[conversation_id].record
            record["tokensIn"], record["tokensOut"] = str(tokens_in), str(tokens_out)
            if title is not None:
                record["title"] = title
            if not with_creator:
                del record["creator"]
            if deleted:
                record["deletedAt"] = iso(datetime.now(UTC))
            if org_id is not None:
                record["orgId"] = org_id
            return conversation_id

    def seed_demo_history(self, now: datetime | None = None) -> int:
        """A few weeks of used conversations in the repositories Ana works in (demo mode).

        So a newcomer trying ``--demo`` sees a real history: titles, colleagues, token
        counts and more than one page in the busiest repository. Each has a system note
        and an exchange with the demo assistant (the newest of each repository a second
        one), and its token counts add up its messages. Returns how many.
        """
        moment = now or datetime.now(UTC)
        visible = {repo["name"]: repo["id"] for repo in self.repos}
        # Ana's own: as a plain member she sees only the conversations she started.
        plan = (  # (repository, how many, first title)
            ("Contracts 2026", 27, "Renewal terms"),
            ("Budget planning", 6, "Q3 forecast"),
            ("Campaigns 2026", 4, "Spring launch"),
        )
        titles = (
            "Summary of changes", "Open questions", "Risks to flag", "Draft reply",
            "Key dates", "Who signed what", None,
        )  # fmt: skip
        count = 0
        for name, how_many, first_title in plan:
            repo_id = visible.get(name)
            if repo_id is None:
                continue
            repo = next(r for r in self.repos if r["id"] == repo_id)
            model = default_model(repo) or "gpt-4o"  # a repo without AI now may have had it
            for index in range(how_many):
                started = moment - timedelta(hours=7 * index + 3)
                title = first_title if index == 0 else titles[index % len(titles)]
                conversation_id = self.add_conversation(
                    repo_id, user_id=ANA_ID, created_at=started, title=title
                )
                history = seeded_history(
                    conversation_id,
                    title,
                    repo_name=name,
                    model=model,
                    started=started,
                    follow_up=index == 0,
                )
                self.append_messages(conversation_id, history)
                count += 1
        return count

    def seed_long_conversation(
        self, count: int = 1000, repo_name: str = "IT runbooks", now: datetime | None = None
    ) -> str:
        """One conversation of ``count`` messages for benchmarks; returns its id.

        Kept out of the normal demo (``seed_demo_history``): only tests, benchmarks and
        the sandbox's ``--long-conversation`` option create it.
        """
        repo = next(r for r in self.repos if r["name"] == repo_name)
        model = default_model(repo) or "gpt-4o"
        started = (now or datetime.now(UTC)) - timedelta(minutes=2 * count + 60)
        conversation_id = self.add_conversation(
            repo["id"],
            user_id=ANA_ID,
            created_at=started,
            title=f"Long conversation ({count:,} messages)",
        )
        history = long_history(
            conversation_id, repo_name=repo_name, model=model, count=count, started=started
        )
        self.append_messages(conversation_id, history)
        return conversation_id

    def append_messages(
        self, conversation_id: str, messages: Sequence[Json], *, title: str | None = None
    ) -> bool:
        """Store messages and add their tokens to the counters, in one step.

        ``title`` is set only when the conversation has none yet (the first prompt's).
        False when the conversation is gone (hard-deleted meanwhile): nothing is stored.
        """
        tokens_in, tokens_out = token_totals(messages)
        with self._lock:
            stored = self._conversations.get(conversation_id)
            if stored is None:
                return False
            stored.messages.extend(copy.deepcopy(list(messages)))
            record = stored.record
            record["tokensIn"] = str(int(record["tokensIn"]) + tokens_in)
            record["tokensOut"] = str(int(record["tokensOut"]) + tokens_out)
            if messages:
                record["lastUpdatedAt"] = messages[-1]["createdAt"]
            if title and not record.get("title"):
                record["title"] = title
            return True

    def messages_of(self, conversation_id: str) -> list[Json]:
        """A conversation's messages, oldest first (copies); empty when it is gone."""
        with self._lock:
            stored = self._conversations.get(conversation_id)
            return copy.deepcopy(stored.messages) if stored is not None else []

    def _store_conversation(self, user: Json, repo: Json, created: datetime) -> str:
        conversation_id = str(uuid.uuid4())
        record: Json = {
            "id": conversation_id,
            "orgId": user["orgId"],
            "createdBy": user["id"],
            "createdAt": iso(created),
            "lastUpdatedAt": iso(created),
            "workspaceId": repo["workspaceId"],
            "repoId": repo["id"],
            # BigIntString: decimal strings, as the counters may exceed 2^53.
            "tokensIn": "0",
            "tokensOut": "0",
            "deletedAt": None,
            "repo": {"id": repo["id"], "name": repo["name"]},
            "creator": {key: user[key] for key in ("id", "name", "lastName", "email")},
        }
        self._conversations[conversation_id] = _StoredConversation(
            next(self._sequence), created, record
        )
        return conversation_id

    def conversation(self, conversation_id: str) -> Json | None:
        """One stored conversation, deleted or not (a copy), or None after a hard delete."""
        with self._lock:
            stored = self._conversations.get(conversation_id)
            return copy.deepcopy(stored.record) if stored is not None else None

    def _newest_first(self) -> list[_StoredConversation]:
        return sorted(self._conversations.values(), key=lambda c: (c.created, c.seq), reverse=True)

    def can_see(self, user: Json, record: Json) -> bool:
        """Whether ``user`` may see the conversation ``record`` (same organisation assumed)."""
        with self._lock:
            return self._can_see(user, record)

    def _can_see(self, user: Json, record: Json) -> bool:
        # Docs: org admins see everything, workspace admins their workspaces, others their own.
        return (
            record["createdBy"] == user["id"]
            or user["orgRole"] in _ORG_ADMIN_ROLES
            or self.role_in(user["id"], record["workspaceId"]) == "ADMIN"
        )

    @staticmethod
    def _matches(stored: _StoredConversation, query: ConversationQuery) -> bool:
        record = stored.record
        return (
            (query.show_deleted or record["deletedAt"] is None)
            and query.repo_id in (None, record["repoId"])
            and query.workspace_id in (None, record["workspaceId"])
            and query.user_id in (None, record["createdBy"])
            and (query.created_from is None or stored.created >= query.created_from)
            and (query.created_to is None or stored.created <= query.created_to)
        )

    def list_conversations(self, user: Json, query: ConversationQuery) -> tuple[list[Json], int]:
        """A page of the conversations ``user`` may see, newest first, and the match count."""
        with self._lock:
            matches = [
                c.record
                for c in self._newest_first()
                if self._can_see(user, c.record) and self._matches(c, query)
            ]
            page = matches[query.skip : query.skip + query.take]
            return copy.deepcopy(page), len(matches)

    def delete_conversation(self, user: Json, conversation_id: str, *, hard: bool) -> None:
        with self._lock:
            stored = self._conversations.get(conversation_id)
            if stored is None or (stored.record["deletedAt"] is not None and not hard):
                raise ApiError(404, "Conversation not found")
            if not self._can_see(user, stored.record):
                raise ApiError(403, "You do not have permission to delete this conversation")
            if hard:
                del self._conversations[conversation_id]
            else:
                stored.record["deletedAt"] = iso(datetime.now(UTC))

    def conversations_for(self, repo_id: str) -> list[Json]:
        """Conversations of one repository that are not deleted, newest first (copies)."""
        with self._lock:
            return [
                copy.deepcopy(c.record)
                for c in self._newest_first()
                if c.record["repoId"] == repo_id and c.record["deletedAt"] is None
            ]
