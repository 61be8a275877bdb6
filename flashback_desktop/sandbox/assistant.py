"""The demo assistant: deterministic Markdown replies, token counts, titles and the model list.

Pure functions only (no store, no HTTP): the same prompt, repository and model
always give the same reply, so screenshots and tests see the same text. A
reply quotes the prompt and names the repository and model, so a person
trying ``--demo`` sees that the answer is about what they asked; it uses a
numbered list, inline code and a fenced code block, as real assistants do,
because the app renders replies as Markdown.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

# Models each AI provider offers through a repository (POST /ai/models), default first.
# (id, display name, provider's creation stamp in seconds)
_MODELS: dict[str, tuple[tuple[str, str, int], ...]] = {
    "OPENAI": (
        ("gpt-4o", "GPT-4o", 1715367049),
        ("gpt-4o-mini", "GPT-4o mini", 1721172741),
    ),
    "ANTHROPIC": (
        ("claude-sonnet-4-5", "Claude Sonnet 4.5", 1759104000),
        ("claude-haiku-4-5", "Claude Haiku 4.5", 1760486400),
    ),
    "GOOGLE": (("gemini-2.5-flash", "Gemini 2.5 Flash", 1750118400),),
    "AWS": (("amazon.nova-pro-v1:0", "Amazon Nova Pro", 1733356800),),
}
_PROVIDER_NAMES = {
    "OPENAI": "openai",
    "ANTHROPIC": "anthropic",
    "GOOGLE": "google",
    "AWS": "aws-bedrock",
}
LLM_TYPE = "chat"

_TITLE_MAX = 60
_QUOTE_MAX = 200
_STOP_WORDS = frozenset(
    (
        "about", "after", "again", "also", "and", "any", "are", "because", "been", "before",
        "being", "between", "both", "but", "can", "could", "does", "doing", "down", "each",
        "from", "further", "have", "having", "here", "how", "into", "just", "more", "most",
        "other", "our", "over", "same", "should", "some", "such", "than", "that", "the",
        "their", "them", "then", "there", "these", "they", "this", "those", "through", "under",
        "until", "very", "was", "were", "what", "when", "where", "which", "while", "who",
        "whom", "why", "will", "with", "would", "you", "your", "please", "tell", "show",
        "give", "list", "find",
    )
)  # fmt: skip
_SUFFIXES = ("pdf", "docx", "xlsx", "md", "csv")


@dataclass(frozen=True)
class Model:
    """One entry of POST /ai/models (AiModel in openapi.yaml)."""

    id: str
    name: str
    created: int
    ai_type: str

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "created": self.created,
            "aiType": self.ai_type,
            "llmType": LLM_TYPE,
            "llmProvider": _PROVIDER_NAMES[self.ai_type],
        }


def models_of(ai_type: str) -> list[Model]:
    """The models one provider offers, its default first (none for an unknown provider)."""
    return [Model(mid, name, created, ai_type) for mid, name, created in _MODELS.get(ai_type, ())]


def token_count(text: str) -> int:
    """A stable stand-in for a tokenizer: about four characters per token, at least one."""
    return max(1, (len(text) + 3) // 4)


def title_from(prompt: str) -> str:
    """A conversation title from its first prompt: the first line, at most 60 characters."""
    line = next((part.strip() for part in prompt.splitlines() if part.strip()), "")
    line = " ".join(line.split())
    return line if len(line) <= _TITLE_MAX else line[: _TITLE_MAX - 1].rstrip() + "…"


def _keywords(prompt: str) -> list[str]:
    words = re.findall(r"[^\W\d_]{4,}", prompt.lower())
    seen: dict[str, None] = {}
    for word in words:
        if word not in _STOP_WORDS:
            seen.setdefault(word, None)
    return list(seen) or ["documents"]


def _quote(prompt: str) -> str:
    flat = " ".join(prompt.split())
    return flat if len(flat) <= _QUOTE_MAX else flat[: _QUOTE_MAX - 1].rstrip() + "…"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "repository"


def demo_reply(prompt: str, repo_name: str, model: str) -> str:
    """The demo assistant's Markdown answer to ``prompt`` in ``repo_name``; always the same."""
    digest = hashlib.sha256(f"{repo_name}\n{model}\n{prompt}".encode()).digest()
    keywords = _keywords(prompt)
    main = keywords[0]
    folder = _slug(repo_name)
    files = [
        f"{_slug(word)}-{2020 + digest[i] % 7}.{_SUFFIXES[digest[i + 1] % len(_SUFFIXES)]}"
        for i, word in enumerate((keywords * 3)[:3])
    ]
    count = 2 + digest[5] % 9
    month = 1 + digest[6] % 12
    day = 1 + digest[7] % 28
    others = ", ".join(f"*{word}*" for word in keywords[1:4]) or "*nothing else*"
    return (
        f"You asked: “{_quote(prompt)}”\n\n"
        f"Here is what I found in **{repo_name}**:\n\n"
        f"1. **{count} documents** mention *{main}*; the most recent is `{files[0]}`.\n"
        f"2. The folder `{folder}/` was last changed on 2026-{month:02d}-{day:02d}.\n"
        f"3. Related words in your question: {others}.\n\n"
        "```text\n"
        f"{folder}/\n"
        f"├── {files[0]}\n"
        f"├── {files[1]}\n"
        f"└── {files[2]}\n"
        "```\n\n"
        f"*Demo answer by `{model}`: the sandbox makes it up from your words. "
        "See [the Flashback documentation](https://docs.flashback.tech) for the real thing.*"
    )
