#!/usr/bin/env python3
"""A plain SMTP server on loopback for the tests that need a server to misbehave or to be watched:

- `--delay S`: waits S seconds before answering the end of DATA, so messages overlap;
- `--drop-after-bytes N --drop-connections K`: the first K connections are cut (no reply) once
  N bytes of a message's DATA have arrived: a server that drops the connection mid-DATA;
- `--stats FILE`: JSON with the messages stored, the connections opened, the connections
  dropped, and the most transactions in flight at once, overall and per recipient domain.

Messages that end with "." are stored as DIR/NNNNN.eml; a cut one is not. Usage:
    misbehaving_smtp.py --port P --dir DIR --pidfile F [--delay S] [--drop-after-bytes N --drop-connections K] [--stats FILE] --background
"""
import argparse
import asyncio
import json
import os
import socket
import sys


class State:
    def __init__(self, args):
        self.args = args
        self.stored = 0
        self.connections = 0
        self.dropped = 0
        self.in_flight = 0
        self.peak = 0
        self.per_domain = {}
        self.peak_per_domain = {}

    def save(self):
        if self.args.stats:
            tmp = self.args.stats + ".tmp"
            with open(tmp, "w") as f:
                json.dump({"stored": self.stored, "connections": self.connections, "dropped": self.dropped,
                           "peak": self.peak, "peak_per_domain": self.peak_per_domain}, f)
            os.replace(tmp, self.args.stats)


async def session(reader, writer, state):
    state.connections += 1
    number = state.connections
    cut = number <= state.args.drop_connections
    state.save()

    async def reply(text):
        writer.write((text + "\r\n").encode())
        await writer.drain()

    await reply("220 misbehaving.localhost ESMTP")
    domain = None
    try:
        while True:
            line = await reader.readline()
            if not line:
                return
            command = line.decode("utf-8", "replace").strip()
            verb = command.split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                await reply("250-misbehaving.localhost\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 33554432")
            elif verb == "MAIL":
                await reply("250 2.1.0 ok")
            elif verb == "RCPT":
                address = command.split(":", 1)[1].strip().strip("<>")
                domain = address.rsplit("@", 1)[-1].lower()
                await reply("250 2.1.5 ok")
            elif verb == "DATA":
                await reply("354 go ahead")
                state.in_flight += 1
                state.peak = max(state.peak, state.in_flight)
                state.per_domain[domain] = state.per_domain.get(domain, 0) + 1
                state.peak_per_domain[domain] = max(state.peak_per_domain.get(domain, 0), state.per_domain[domain])
                state.save()
                try:
                    message = bytearray()
                    while True:
                        chunk = await reader.readline()
                        if not chunk:
                            return
                        if chunk == b".\r\n":
                            break
                        message += chunk[1:] if chunk.startswith(b"..") else chunk
                        if cut and len(message) >= state.args.drop_after_bytes:
                            state.dropped += 1
                            state.save()
                            writer.transport.abort()
                            return
                    if state.args.delay:
                        await asyncio.sleep(state.args.delay)
                    state.stored += 1
                    with open(os.path.join(state.args.dir, f"{state.stored:05d}.eml"), "wb") as f:
                        f.write(message)
                    state.save()
                    await reply(f"250 2.0.0 queued as {state.stored}")
                finally:
                    state.in_flight -= 1
                    state.per_domain[domain] -= 1
            elif verb == "RSET" or verb == "NOOP":
                await reply("250 2.0.0 ok")
            elif verb == "QUIT":
                await reply("221 2.0.0 bye")
                return
            else:
                await reply("502 5.5.2 not implemented")
    except (ConnectionError, asyncio.IncompleteReadError):
        return
    finally:
        try:
            writer.close()
        except Exception:
            pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--pidfile", required=True)
    parser.add_argument("--delay", type=float, default=0)
    parser.add_argument("--drop-after-bytes", type=int, default=0)
    parser.add_argument("--drop-connections", type=int, default=0)
    parser.add_argument("--stats")
    parser.add_argument("--background", action="store_true")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", args.port))
    listener.listen(64)
    if args.background and os.fork() > 0:
        print(f"misbehaving SMTP server on 127.0.0.1:{args.port}", flush=True)
        os._exit(0)
    if args.background:
        os.setsid()
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
    with open(args.pidfile, "w") as f:
        f.write(str(os.getpid()))
    state = State(args)
    state.save()

    async def serve():
        server = await asyncio.start_server(lambda r, w: session(r, w, state), sock=listener, limit=1 << 20)
        async with server:
            await server.serve_forever()

    asyncio.run(serve())


if __name__ == "__main__":
    sys.exit(main())
