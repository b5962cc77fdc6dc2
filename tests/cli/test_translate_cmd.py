"""`lagebild translate` and `lagebild models ...` run as real processes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

ZH_TEXT = (
    "# 新闻\n\n俄罗斯向基辅发射了两枚KN-23弹道导弹。他们逮捕了两名嫌疑人。\n\n今天天气很好。\n"
)


def run(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True,
                          text=True, timeout=timeout)  # fmt: skip


@pytest.fixture
def zh_doc(tmp_path):
    doc = tmp_path / "zh.txt"
    doc.write_text(ZH_TEXT, encoding="utf-8")
    return doc


def test_translate_json(zh_paths, zh_doc):
    proc = run("translate", str(zh_doc), "--from", "zh", "--to", "en", "--json", "--beam", "2")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["model"]["code"] == "translate-zh_en" and data["model"]["version"] == "1.9"
    sents = [s for p in data["paragraphs"] for s in p["sentences"]]
    assert len(sents) == 4
    assert all(isinstance(s["target"], str) and isinstance(s["flags"], list) for s in sents)
    assert "KN-23" in sents[1]["target"]
    assert data["source"]["language"] == "zh"


def test_translate_text_mode_prints_both_languages(zh_paths, zh_doc):
    proc = run("translate", str(zh_doc), "--from", "zh", "--threads", "1")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    i = next(n for n, line in enumerate(lines) if "他们逮捕了两名嫌疑人" in line)
    assert "arrested" in lines[i + 1]


def test_translate_without_model_says_how_to_get_one(zh_doc):
    proc = run("translate", str(zh_doc))
    assert proc.returncode == 1
    assert "German→English" in proc.stderr
    assert "lagebild models download translate-de_en" in proc.stderr
    assert proc.stderr.count("\n") == 1  # one line, no traceback


def test_models_install_list_remove(zh_model_file, tmp_path):
    assert "No models installed" in run("models", "list").stdout
    proc = run("models", "install", str(zh_model_file))
    assert proc.returncode == 0, proc.stderr
    assert "installed translate-zh_en 1.9" in proc.stdout
    listed = json.loads(run("models", "list", "--json").stdout)
    assert [(m["code"], m["version"]) for m in listed] == [("translate-zh_en", "1.9")]
    assert listed[0]["size_bytes"] > 80_000_000
    bad = tmp_path / "bad.argosmodel"
    bad.write_text("nope")
    proc = run("models", "install", str(bad))
    assert proc.returncode == 1 and "not a zip" in proc.stderr
    assert run("models", "remove", "translate-zh_en").returncode == 0
    assert json.loads(run("models", "list", "--json").stdout) == []


def test_models_available_and_download(loopback):
    index = loopback.base + "/index.json"
    proc = run("models", "available", "--index", index)
    assert proc.returncode == 0, proc.stderr
    assert "translate-de_en" in proc.stdout and "German → English" in proc.stdout
    proc = run("models", "download", "translate-zh_en", "--index", index)
    assert proc.returncode == 0, proc.stderr
    assert "installed translate-zh_en" in proc.stdout
    assert "(installed 1.9)" in run("models", "available", "--index", index).stdout
    proc = run("models", "download", "translate-xx_yy", "--index", index)
    assert proc.returncode == 1 and "has no package" in proc.stderr


def test_models_without_action_is_an_error():
    proc = run("models")
    assert proc.returncode == 1 and "lagebild models {list" in proc.stderr
