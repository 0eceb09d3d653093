#!/usr/bin/env python3
"""A tiny SMTP server for tests: accepts every message and writes it, as received, to
`<dir>/<time>-<n>.eml`. Nothing is relayed.

    python3 tests/support/smtp_sink.py --port 2525 --dir /tmp/maildir [--host 127.0.0.1]
    python3 tests/support/smtp_sink.py --port 2525 --ids /tmp/received.txt

With `--ids` it keeps no message, only appends each one's `Message-ID` to the file, a line per
message received (a message received twice is there twice): for counting thousands of messages
a second.

Needs aiosmtpd (`pip install aiosmtpd`). Prints `listening on HOST:PORT` once it accepts
connections and runs until SIGTERM or Ctrl-C. Files appear atomically (written under a temporary
name, then renamed), so a reader never sees half a message.
"""

import argparse
import itertools
import os
import re
import signal
import sys
import threading
import time

try:
    from aiosmtpd.controller import Controller
except ImportError:  # pragma: no cover - reported to the caller
    sys.stderr.write(
        "smtp_sink.py needs aiosmtpd: run `python3 -m pip install aiosmtpd` "
        "(or `./scripts/test`, which installs it into .venv-test/)\n"
    )
    sys.exit(3)


MESSAGE_ID = re.compile(rb"^Message-ID:[ \t]*(\S+)", re.IGNORECASE | re.MULTILINE)


class IdsHandler:
    """Appends each message's Message-ID (or `-` without one) to a file, a line per message."""

    def __init__(self, path: str) -> None:
        # O_APPEND and one write per line: every line lands whole, and at once (no buffer).
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8")
        head = content.split(b"\r\n\r\n", 1)[0]
        found = MESSAGE_ID.search(head)
        os.write(self.fd, (found.group(1) if found else b"-") + b"\n")
        return "250 Message accepted for delivery"


class MaildirHandler:
    """Writes each message's raw bytes to a new .eml file."""

    def __init__(self, directory: str) -> None:
        self.directory = directory
        self.counter = itertools.count(1)
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        with self.lock:
            n = next(self.counter)
        name = f"{time.time_ns()}-{os.getpid()}-{n}"
        tmp = os.path.join(self.directory, f".{name}.tmp")
        final = os.path.join(self.directory, f"{name}.eml")
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8")
        with open(tmp, "wb") as f:
            f.write(content)
        os.replace(tmp, final)
        print(
            f"received {final} from {envelope.mail_from} to {', '.join(envelope.rcpt_tos)}",
            flush=True,
        )
        return "250 Message accepted for delivery"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--dir", help="folder for the received .eml files")
    where.add_argument("--ids", help="file to append each message's Message-ID to")
    args = parser.parse_args()

    if args.ids:
        handler = IdsHandler(args.ids)
    else:
        os.makedirs(args.dir, exist_ok=True)
        handler = MaildirHandler(args.dir)
    controller = Controller(
        handler,
        hostname=args.host,
        port=args.port,
        enable_SMTPUTF8=True,
        ready_timeout=10,
    )
    controller.start()
    print(f"listening on {args.host}:{args.port}, writing to {args.dir or args.ids}", flush=True)

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    stop.wait()
    controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
