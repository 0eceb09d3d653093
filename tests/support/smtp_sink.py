#!/usr/bin/env python3
"""A tiny SMTP server for tests: accepts every message and writes it, as received, to
`<dir>/<time>-<n>.eml`. Nothing is relayed.

    python3 tests/support/smtp_sink.py --port 2525 --dir /tmp/maildir [--host 127.0.0.1]

Needs aiosmtpd (`pip install aiosmtpd`). Prints `listening on HOST:PORT` once it accepts
connections and runs until SIGTERM or Ctrl-C. Files appear atomically (written under a temporary
name, then renamed), so a reader never sees half a message.
"""

import argparse
import itertools
import os
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
    parser.add_argument("--dir", required=True, help="folder for the received .eml files")
    args = parser.parse_args()

    os.makedirs(args.dir, exist_ok=True)
    controller = Controller(
        MaildirHandler(args.dir),
        hostname=args.host,
        port=args.port,
        enable_SMTPUTF8=True,
        ready_timeout=10,
    )
    controller.start()
    print(f"listening on {args.host}:{args.port}, writing to {args.dir}", flush=True)

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    stop.wait()
    controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
