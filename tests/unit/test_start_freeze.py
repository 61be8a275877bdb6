"""After start-up, what it made is frozen out of the collector's full collections."""

from __future__ import annotations

import asyncio
import gc

from flashback_desktop import app


def test_the_start_ups_objects_are_frozen_once_the_session_is_built() -> None:
    async def build() -> None:
        built: asyncio.Future[tuple[object, None]] = asyncio.get_running_loop().create_future()
        built.set_result((object(), None))
        await app._build_session(built)  # type: ignore[arg-type]

    gc.unfreeze()
    try:
        asyncio.run(build())
        assert gc.get_freeze_count() > 1000
    finally:
        gc.unfreeze()  # the other tests' objects are collected as usual
