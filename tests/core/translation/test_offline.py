"""Proof that translating never touches the network: sockets are made to raise in a
fresh process before anything is imported, then the real CLI translates a file."""

from __future__ import annotations

import json
import subprocess
import sys

BLOCK_NETWORK = """
import socket, sys
class NetworkUsed(RuntimeError):
    pass
def _refuse(*args, **kwargs):
    raise NetworkUsed(f"network access attempted: {args!r}")
for name in ("connect", "connect_ex", "sendto", "bind"):
    setattr(socket.socket, name, _refuse)
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
from desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_translation_works_with_network_impossible(zh_paths, tmp_path):
    doc = tmp_path / "zh.txt"
    doc.write_text(
        "俄罗斯向基辅发射了两枚KN-23弹道导弹。他们逮捕了两名嫌疑人。\n", encoding="utf-8"
    )
    proc = subprocess.run(
        [sys.executable, "-c", BLOCK_NETWORK, "translate", str(doc), "--from", "zh", "--json"],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "network access attempted" not in proc.stderr
    data = json.loads(proc.stdout)
    targets = [s["target"] for p in data["paragraphs"] for s in p["sentences"]]
    assert "KN-23" in targets[0] and "arrested" in targets[1]


def test_the_socket_block_really_blocks(tmp_path):
    """Guard: the same wrapper makes a network operation fail (so the test above can fail)."""
    proc = subprocess.run(
        [sys.executable, "-c", BLOCK_NETWORK, "models", "available",
         "--index", "http://127.0.0.1:9/index.json"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert proc.returncode != 0
    assert "network access attempted" in proc.stderr
