"""Hostile packages, metadata and indexes: each test builds its input itself (zip files in
tmp_path, index entries served by the loopback server) and checks that the working package
stays installed and the user sees one clear line."""

from __future__ import annotations

import io
import json
import os
import shutil
import socket
import zipfile
from pathlib import Path

import pytest

from desktop import cli
from desktop.config import Paths
from desktop.core.translation import packages as models

ZH_TOP = "translate-zh_en-1_9"
ZH_META = {"package_version": "1.9", "argos_version": "1.9.0", "from_code": "zh",
           "from_name": "Chinese", "to_code": "en", "to_name": "English"}  # fmt: skip


def write_zip(path: Path, members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def small_package(path: Path, top: str = "pkg", meta: object = None, raw_meta: bytes | None = None,
                  **extra: bytes) -> Path:  # fmt: skip
    """A structurally complete package with dummy weights (it never loads)."""
    if raw_meta is None:
        meta = (
            {"from_code": "xx", "to_code": "yy", "package_version": "1.0"} if meta is None else meta
        )
        raw_meta = json.dumps(meta).encode()
    members = {f"{top}/metadata.json": raw_meta, f"{top}/model/model.bin": b"w" * 64,
               f"{top}/sentencepiece.model": b"s" * 16}  # fmt: skip
    members.update({f"{top}/{name}": data for name, data in extra.items()})
    return write_zip(path, members)


def real_package(path: Path, src: Path, top: str = ZH_TOP, meta: dict | None = None,
                 replace: dict[str, bytes] | None = None) -> Path:  # fmt: skip
    """The real zh->en files (without the unused stanza folder), stored, with changes."""
    replace = replace or {}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr(f"{top}/metadata.json", json.dumps(meta or ZH_META))
        for rel in ("sentencepiece.model", "model/config.json", "model/model.bin",
                    "model/shared_vocabulary.json"):  # fmt: skip
            if rel in replace:
                zf.writestr(f"{top}/{rel}", replace[rel])
            else:
                zf.write(src / rel, f"{top}/{rel}")
    return path


def package_dirs(paths: Paths) -> list[str]:
    root = paths.argos_packages
    return sorted(p.name for p in root.iterdir()) if root.exists() else []


def staging_left(paths: Paths) -> list[str]:
    root = paths.data / "argos-staging"
    return sorted(p.name for p in root.iterdir()) if root.exists() else []


def assert_zh_intact(paths: Paths) -> None:
    """The working zh->en package is still installed, listed and complete."""
    infos = models.installed(paths)
    assert [(i.code, i.version) for i in infos] == [("translate-zh_en", "1.9")]
    assert (paths.argos_packages / ZH_TOP / "model" / "model.bin").stat().st_size > 80_000_000
    assert staging_left(paths) == []


def assert_one_clean_line(exc: BaseException) -> None:
    text = str(exc)
    assert text and "\n" not in text and "\x1b" not in text and "\r" not in text
    assert "Traceback" not in text


# --- 1. install targets come from the validated code, never from member names ---------------


def test_dot_top_folder_is_refused_and_every_installed_model_stays(zh_paths, tmp_path):
    dot = small_package(tmp_path / "dot.argosmodel", top=".")
    with pytest.raises(models.PackageError, match="unsafe member name") as info:
        models.install_file(dot, zh_paths)
    assert_one_clean_line(info.value)
    assert_zh_intact(zh_paths)
    assert package_dirs(zh_paths) == [ZH_TOP]


def test_install_folder_comes_from_the_code_not_the_member_names(zh_paths, zh_package_dir,
                                                                 tmp_path):  # fmt: skip
    """A German package whose top folder is named like the installed Chinese one."""
    meta = dict(ZH_META, from_code="de", from_name="German", package_version="1.0")
    mislabelled = real_package(tmp_path / "de.argosmodel", zh_package_dir, top=ZH_TOP, meta=meta)
    info = models.install_file(mislabelled, zh_paths)
    assert (info.code, info.path.name) == ("translate-de_en", "translate-de_en-1_0")
    assert package_dirs(zh_paths) == ["translate-de_en-1_0", ZH_TOP]
    zh_meta = json.loads((zh_paths.argos_packages / ZH_TOP / "metadata.json").read_text())
    assert zh_meta["from_code"] == "zh"
    assert [i.code for i in models.installed(zh_paths)] == ["translate-de_en", "translate-zh_en"]


# --- 2. a package that cannot load never replaces the working one -----------------------------


@pytest.mark.parametrize(
    "broken, part",
    [
        ("model/model.bin", "model does not load"),
        ("model/config.json", "model does not load"),
        ("model/shared_vocabulary.json", "model does not load"),
        ("sentencepiece.model", "tokenizer does not load"),
    ],
)
def test_unloadable_package_keeps_the_working_one(zh_paths, zh_package_dir, tmp_path, broken,
                                                  part):  # fmt: skip
    garbage = {
        "model/model.bin": b"0123456789abcdef",  # 16 bytes
        "model/config.json": b"{broken",
        "model/shared_vocabulary.json": b'["a", "b"]',  # loads; fails on the first sentence
        "sentencepiece.model": b"not a sentencepiece model",
    }[broken]
    meta = dict(ZH_META, package_version="2.0")  # a newer version of the installed pair
    bad = real_package(tmp_path / "newer.argosmodel", zh_package_dir,
                       top="translate-zh_en-2_0", meta=meta, replace={broken: garbage})  # fmt: skip
    with pytest.raises(models.PackageError, match=part) as info:
        models.install_file(bad, zh_paths)
    assert "newer.argosmodel is not a usable Argos model" in str(info.value)
    assert "argos-staging" not in str(info.value)
    assert_one_clean_line(info.value)
    assert_zh_intact(zh_paths)


def test_real_package_passes_the_load_check(zh_package_dir, tmp_path):
    paths = Paths.from_env()
    package = models.argos_package_module(paths)
    copy = tmp_path / "copy"
    shutil.copytree(zh_package_dir, copy, symlinks=True)
    pkg = models.check_loads(copy, "copy", package)
    assert pkg.from_code == "zh" and pkg.to_code == "en"


# --- 3. zip bombs, size limits, disk space ---------------------------------------------------


def test_member_with_a_huge_compression_ratio_is_refused_before_unpacking(zh_paths, tmp_path):
    bomb = small_package(tmp_path / "bomb.argosmodel")
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("pkg/model/extra.bin", b"\0" * 50_000_000)
    assert bomb.stat().st_size < 200_000
    with pytest.raises(models.PackageError, match="times larger .*zip bomb") as info:
        models.install_file(bomb, zh_paths)
    assert_one_clean_line(info.value)
    assert_zh_intact(zh_paths)


def test_many_small_members_over_the_total_ratio_are_refused(zh_paths, tmp_path):
    members = {f"pkg/stanza/part{i:03}": b"\0" * 1024**2 for i in range(100)}
    bomb = small_package(tmp_path / "many.argosmodel")
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    with pytest.raises(models.PackageError, match="would unpack to 104.9 MB") as info:
        models.install_file(bomb, zh_paths)
    assert_one_clean_line(info.value)
    assert_zh_intact(zh_paths)


def test_absolute_unpacked_limit(tmp_path, monkeypatch):
    paths = Paths.from_env()
    monkeypatch.setattr(models, "MAX_UNPACKED_BYTES", 1_000_000)
    big = small_package(tmp_path / "big.argosmodel")
    with zipfile.ZipFile(big, "a", zipfile.ZIP_STORED) as zf:
        zf.writestr("pkg/model/extra.bin", os.urandom(2_000_000))  # incompressible
    with pytest.raises(models.PackageError, match="more than the limit of 1.0 MB"):
        models.install_file(big, paths)
    assert package_dirs(paths) == []


def test_member_that_unpacks_past_its_declared_size_is_stopped(tmp_path, monkeypatch):
    """The byte count while unpacking does not trust the sizes in the zip's headers."""
    paths = Paths.from_env()
    pkg = small_package(tmp_path / "liar.argosmodel")
    real_open = zipfile.ZipFile.open

    def lying_open(self, member, *args, **kwargs):
        name = member.filename if isinstance(member, zipfile.ZipInfo) else member
        if name.endswith("model.bin"):  # declared: 64 bytes; delivered: 5 MB
            return io.BytesIO(b"w" * 5_000_000)
        return real_open(self, member, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", lying_open)
    with pytest.raises(models.PackageError, match="more than its declared size"):
        models.install_file(pkg, paths)
    assert package_dirs(paths) == [] and staging_left(paths) == []


def test_not_enough_disk_space_is_said_before_unpacking(zh_paths, tmp_path, monkeypatch):
    pkg = small_package(tmp_path / "a.argosmodel")
    real_usage = shutil.disk_usage
    monkeypatch.setattr(shutil, "disk_usage",
                        lambda p: real_usage(p)._replace(free=10_000_000))  # fmt: skip
    with pytest.raises(
        models.PackageError, match="not enough disk space .* 10 MB are free"
    ) as info:
        models.install_file(pkg, zh_paths)
    assert_one_clean_line(info.value)
    monkeypatch.undo()
    assert_zh_intact(zh_paths)


def test_unsupported_compression_is_refused(tmp_path):
    pkg = tmp_path / "bz.argosmodel"
    with zipfile.ZipFile(pkg, "w", zipfile.ZIP_BZIP2) as zf:
        zf.writestr("pkg/metadata.json", json.dumps({"from_code": "xx", "to_code": "yy"}))
        zf.writestr("pkg/model/model.bin", b"\0" * 64)
        zf.writestr("pkg/sentencepiece.model", b"\0" * 16)
    with pytest.raises(models.PackageError, match="unsupported compression"):
        models.install_file(pkg, Paths.from_env())


# --- 4. metadata types, lengths and nesting --------------------------------------------------


@pytest.mark.parametrize(
    "raw, message",
    [
        (b"[" * 100_000 + b"]" * 100_000, "nested more than 16 levels"),
        (json.dumps({"from_code": "xx", "to_code": "yy",
                     "package_version": os.urandom(1_000_000).hex()}).encode(),
         "larger than 1024 KB"),
        (json.dumps({"from_code": "xx", "to_code": "yy", "source_languages": "x"}).encode(),
         "source_languages is a str, not a list"),
        (json.dumps({"from_code": "xx", "to_code": "yy", "languages": 5}).encode(),
         "languages is a int, not a list"),
        (json.dumps({"from_code": "xx", "to_code": "yy", "code": ["x"]}).encode(),
         r"code \['x'\] is not translate-xx_yy"),
        (json.dumps({"from_code": "xx", "to_code": "yy", "package_version": "9" * 100}).encode(),
         "package_version is longer than 32"),
        (json.dumps({"from_code": "xx", "to_code": "yy", "from_name": {"a": 1}}).encode(),
         "from_name is a dict, not text"),
        (json.dumps({"from_code": "xx", "to_code": "yy", "links": "http://x"}).encode(),
         "links is a str, not a list"),
        (json.dumps({"from_code": "xx", "to_code": "yy", "target_prefix": ["a"]}).encode(),
         "target_prefix is a list, not text"),
        (json.dumps({"from_code": "xx", "to_code": "yy", "languages": [{"code": 5}]}).encode(),
         "languages: code 5 is not a language code"),
        (json.dumps(["from_code", "to_code"]).encode(), "not a JSON object"),
        (b"\xff\xfe not utf-8", "not UTF-8"),
    ],
    ids=["nested", "2MB-version", "source_languages", "languages", "code-list",
         "long-version", "name-type", "links-type", "prefix-type", "language-entry",
         "not-object", "not-utf8"],
)  # fmt: skip
def test_bad_metadata_is_one_clear_line_and_installs_nothing(zh_paths, tmp_path, raw, message):
    pkg = small_package(tmp_path / "bad.argosmodel", raw_meta=raw)
    with pytest.raises(models.PackageError, match=message) as info:
        models.install_file(pkg, zh_paths)
    assert str(info.value).startswith("bad.argosmodel")
    assert_one_clean_line(info.value)
    assert_zh_intact(zh_paths)


BROKEN_INSTALLED = {
    "code-list": {"from_code": "xx", "to_code": "yy", "code": ["x"]},
    "source_languages": {"from_code": "xx", "to_code": "yy", "source_languages": "x"},
    "languages": {"from_code": "xx", "to_code": "yy", "languages": 5},
    "escape-code": {"from_code": "xx\n\x1b[31m", "to_code": "yy"},
    "nested": None,  # 100,000 nested arrays
}


@pytest.mark.parametrize("kind", sorted(BROKEN_INSTALLED))
def test_broken_installed_package_is_skipped_shown_and_removable(zh_paths, kind, capsys):
    """As an older Lagebild (or a hand copy) could leave it: listing and removing still work."""
    folder = zh_paths.argos_packages / "translate-xx_yy-1_0"
    (folder / "model").mkdir(parents=True)
    meta = BROKEN_INSTALLED[kind]
    raw = b"[" * 100_000 + b"]" * 100_000 if meta is None else json.dumps(meta).encode()
    (folder / "metadata.json").write_bytes(raw)
    (folder / "model" / "model.bin").write_bytes(b"w" * 64)
    (folder / "sentencepiece.model").write_bytes(b"s" * 16)

    assert [i.code for i in models.installed(zh_paths)] == ["translate-zh_en"]
    broken = models.broken_packages(zh_paths)
    assert [b.path for b in broken] == [folder]
    assert_one_clean_line(broken[0].reason)  # type: ignore[arg-type]

    assert cli.main(["models", "list"]) == cli.EXIT_OK
    out, err = capsys.readouterr()
    assert "translate-zh_en" in out and "\x1b" not in out + err
    assert "broken model folder translate-xx_yy-1_0" in err
    assert "lagebild models remove translate-xx_yy-1_0" in err

    assert cli.main(["models", "remove", "translate-xx_yy-1_0"]) == cli.EXIT_OK
    assert "removed translate-xx_yy-1_0" in capsys.readouterr().out
    assert not folder.exists()
    assert models.broken_packages(zh_paths) == []
    assert_zh_intact(zh_paths)


def test_broken_installed_package_is_removable_by_its_pair(zh_paths):
    folder = zh_paths.argos_packages / "odd-name"
    (folder / "model").mkdir(parents=True)
    (folder / "metadata.json").write_text(json.dumps({"from_code": "xx", "to_code": "yy",
                                                      "code": ["x"]}))  # fmt: skip
    removed = models.remove("xx_yy", zh_paths)
    assert [r.path for r in removed] == [folder] and not folder.exists()
    assert_zh_intact(zh_paths)


# --- 5. control characters and escapes -------------------------------------------------------


@pytest.mark.parametrize(
    "field, value",
    [
        ("from_code", "zh\n\x1b[31mRED"),
        ("to_code", "en\x1b]0;title\x07"),
        ("from_code", "english"),
        ("from_code", "ZH"),
        ("from_name", "Chinese\x1b[2J"),
        ("to_name", "English\u202egnp.exe"),  # a right-to-left override
        ("package_version", "1.9\r\nremoved translate-de_en"),
        ("from_name", "C" * 65),
    ],
)
def test_control_characters_and_odd_codes_are_refused(zh_paths, tmp_path, field, value):
    meta = {"from_code": "xx", "to_code": "yy", "package_version": "1.0", field: value}
    pkg = small_package(tmp_path / "ctl.argosmodel", meta=meta)
    with pytest.raises(models.PackageError, match=field) as info:
        models.install_file(pkg, zh_paths)
    assert_one_clean_line(info.value)
    assert "\u202e" not in str(info.value)
    assert_zh_intact(zh_paths)


def test_index_entries_with_bad_fields_are_not_offered(loopback):
    index = json.loads(loopback.index_body)
    good = len(index)
    index += [
        {"code": "translate-xx_yy", "from_code": "xx\x1b[31m", "to_code": "yy",
         "package_version": "1.0", "links": [loopback.base + "/x"]},
        {"from_code": "xx", "to_code": "yy", "from_name": "X\x1b[2J", "links": []},
        {"code": ["x"], "from_code": "xx", "to_code": "yy", "links": []},
        {"from_code": "xx", "to_code": "yy", "package_version": {"v": 1}},
        "not an entry",
    ]  # fmt: skip
    loopback.index_body = json.dumps(index).encode()
    entries = models.fetch_index(loopback.base + "/index.json")
    assert len(entries) == good
    assert not any("\x1b" in e.from_code + e.from_name + e.to_name for e in entries)


# --- 6. index codes never become paths outside the downloads folder --------------------------


def test_index_code_with_dot_dot_writes_nothing_outside_the_downloads(loopback, tmp_path):
    paths = Paths.from_env()
    evil = {"code": "../../evil", "from_code": "zh", "to_code": "en", "package_version": "1.9",
            "links": [loopback.base + "/translate-zh_en-1_9.argosmodel"]}  # fmt: skip
    loopback.index_body = json.dumps([evil]).encode()
    loopback.drop_after, loopback.drops_left = 1000, 1  # an old build left its .part behind
    with pytest.raises(models.PackageError, match=r"has no package \.\./\.\./evil") as info:
        models.download("../../evil", loopback.base + "/index.json", paths)
    assert_one_clean_line(info.value)
    assert [p for p in tmp_path.rglob("*") if "evil" in p.name] == []
    assert not [r for r in loopback.requests if r[0].endswith(".argosmodel")]


def test_index_version_with_slashes_stays_in_the_downloads_folder(loopback, tmp_path):
    paths = Paths.from_env()
    index = json.loads(loopback.index_body)
    zh = next(e for e in index if e["code"] == "translate-zh_en")
    zh["package_version"] = "1.9/../../../../x"
    loopback.index_body = json.dumps([zh]).encode()
    loopback.drop_after, loopback.drops_left = 1000, 1
    with pytest.raises(models.PackageError, match="interrupted"):
        models.download("translate-zh_en", loopback.base + "/index.json", paths)
    parts = [p for p in tmp_path.rglob("*.part")]
    assert [p.parent for p in parts] == [paths.cache / "downloads"]
    assert parts[0].name == "translate-zh_en-1_9_x.argosmodel.part"


# --- the index through desktop.core.net: clear lines instead of urllib's -----------------------


def test_offline_index_is_one_human_line(monkeypatch):
    def no_lookup(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_lookup)
    monkeypatch.setattr(models.net, "has_network", lambda: False)
    monkeypatch.delenv(models.INDEX_ENV, raising=False)
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(models.PackageNetError) as info:
        models.fetch_index()
    assert str(info.value) == (
        "Could not reach the Argos package index: no network connection. "
        "Install from a file, or try again when online."
    )
    assert info.value.kind == "offline"


def test_index_that_is_a_web_page_is_refused(loopback):
    loopback.index_body = b"<html>please log in to the hotel wifi</html>"

    def html_index(self, status, body):  # the fixture's server sends no Content-Type
        self.send_response(status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    handler = loopback.server.RequestHandlerClass
    original = handler._send
    handler._send = html_index
    try:
        with pytest.raises(models.PackageNetError, match="text/html") as info:
            models.fetch_index(loopback.base + "/index.json")
    finally:
        handler._send = original
    assert info.value.kind == "content_type"
