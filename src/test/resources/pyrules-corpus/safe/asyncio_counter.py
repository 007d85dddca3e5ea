"""A counter only touched by coroutines on one event loop (a local)."""
import asyncio


async def main(urls):
    done = 0

    async def fetch(url):
        nonlocal done
        await asyncio.sleep(0)
        done += 1

    await asyncio.gather(*(fetch(u) for u in urls))
    return done
