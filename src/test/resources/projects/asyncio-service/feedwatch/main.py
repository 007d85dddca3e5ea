import asyncio

import httpx

FEEDS = ["http://feeds.internal/a.xml", "http://feeds.internal/b.xml"]


async def fetch(client: httpx.AsyncClient, url: str) -> int:
    response = await client.get(url, timeout=10)
    return len(response.content)


async def main() -> None:
    async with httpx.AsyncClient() as client:
        sizes = await asyncio.gather(*(fetch(client, u) for u in FEEDS))
    print(dict(zip(FEEDS, sizes)))


if __name__ == "__main__":
    asyncio.run(main())
