"""Drives a WebSocket server with Python's `websockets` (Debian's python3-websockets).

usage: /usr/bin/python3 ws_client.py PORT SCENARIO [ARGS...]
Prints one line per observation; the phpt compares them.
"""
import asyncio
import os
import sys
import time

import websockets


async def echo(port, compression):
    uri = f"ws://127.0.0.1:{port}/chat"
    async with websockets.connect(uri, compression=compression, max_size=None) as ws:
        print("extensions:", [type(e).__name__ for e in ws.extensions])
        for size in (0, 125, 126, 65536, 1 << 20):
            text = "a" * size
            await ws.send(text)
            got = await ws.recv()
            print("text", size, got == text)
            data = bytes(range(256)) * (size // 256) + bytes(size % 256)
            await ws.send(data)
            got = await ws.recv()
            print("binary", size, got == data)
        # A fragmented message (three fragments).
        await ws.send(iter(["frag", "men", "ted"]))
        print("fragments", await ws.recv())
        pong = await ws.ping(b"p1")
        await asyncio.wait_for(pong, 5)
        print("pong ok")
        await ws.send("info")
        print("info", await ws.recv())
        await ws.send("push-other")
        print("push from task:", await ws.recv())
        await ws.close(4001, "done")
        print("close code", ws.close_code)


# Connections opened this many at a time (under the listen backlog, so none waits for a SYN retry).
CONNECT_BATCH = 100


async def broadcast(port, n, rounds):
    """n connections; the first asks the server for `rounds` broadcasts of "tick"; each must get all."""
    conns = []
    while len(conns) < n:
        batch = min(CONNECT_BATCH, n - len(conns))
        conns += await asyncio.gather(*(websockets.connect(f"ws://127.0.0.1:{port}/", max_queue=None) for _ in range(batch)))
    start = time.monotonic()
    await conns[0].send(f"broadcast:{rounds}")

    async def ticks(c):
        got = 0
        for _ in range(rounds):
            if await asyncio.wait_for(c.recv(), 30) == "tick":
                got += 1
        return got

    counts = await asyncio.gather(*(ticks(c) for c in conns))
    elapsed = time.monotonic() - start
    print("broadcast", n, "connections, all got", rounds, ":", all(x == rounds for x in counts))
    if os.environ.get("WS_BROADCAST_TIME"):
        print(f"broadcast time {elapsed:.3f}", file=sys.stderr)
    await asyncio.gather(*(c.close() for c in conns))


async def disconnect(port):
    async with websockets.connect(f"ws://127.0.0.1:{port}/") as ws:
        await ws.send("disconnect")
        try:
            await ws.recv()
        except websockets.ConnectionClosed as e:
            print("closed by server", e.rcvd.code if e.rcvd else None, e.rcvd.reason if e.rcvd else None)


async def subprotocol(port, offered):
    """Connects offering the comma-separated protocols; prints what was agreed (or why it failed)."""
    try:
        async with websockets.connect(f"ws://127.0.0.1:{port}/", subprotocols=offered.split(",")) as ws:
            await ws.send("hello")
            print("offered", offered, "agreed", ws.subprotocol, "echo", await ws.recv())
    except websockets.InvalidHandshake as e:
        print("offered", offered, "refused by the client:", e)


def main():
    port, scenario = int(sys.argv[1]), sys.argv[2]
    if scenario == "echo":
        asyncio.run(echo(port, "deflate" if sys.argv[3] == "on" else None))
    elif scenario == "broadcast":
        asyncio.run(broadcast(port, int(sys.argv[3]), int(sys.argv[4])))
    elif scenario == "subprotocol":
        asyncio.run(subprotocol(port, sys.argv[3]))
    elif scenario == "disconnect":
        asyncio.run(disconnect(port))


main()
