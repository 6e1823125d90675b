"""Which kind of contacts file this is, and reading it: LinkedIn's ZIP or CSV, a CSV with a
header row, or vCards. Everything that goes wrong is a `ReadError` with one sentence."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from .csv_people import decode_text, parse_map, read_csv
from .people import MAX_FILE_BYTES, Contents, ReadError
from .vcard import read_vcards

CONNECTIONS = "connections.csv"


def read_contacts_file(path: Path, mapping: str | dict[str, str] | None = None) -> Contents:
    """People from the file at `path` (see `read_contacts`). Raises ReadError."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise ReadError(f"{path} is a folder; give the file itself.")
        if size > MAX_FILE_BYTES:
            raise ReadError(
                f"{path.name} is {size / 1e6:.0f} MB, more than an address book holds "
                f"(the limit is {MAX_FILE_BYTES // 2**20} MB)."
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ReadError(f"There is no file {path}.") from None
    except OSError as err:
        raise ReadError(f"{path} could not be read: {err.strerror or err}.") from None
    return read_contacts(raw, path.name, mapping)


def read_contacts(
    raw: bytes, file_name: str = "", mapping: str | dict[str, str] | None = None
) -> Contents:
    """People from a file's bytes: a ZIP (LinkedIn's "Get a copy of your data": its
    Connections.csv), vCards (.vcf, or text that begins with BEGIN:VCARD), else CSV.
    `mapping` is --map's text, or {heading key: field} as the import screen's column choice
    gives it. Raises ReadError."""
    try:
        columns = parse_map(mapping) if isinstance(mapping, str) and mapping else None
    except ValueError as err:
        raise ReadError(str(err)) from None
    if isinstance(mapping, dict):
        columns = mapping or None
    if raw.startswith(b"PK\x03\x04") or raw.startswith(b"PK\x05\x06"):
        inner, raw = _connections_from_zip(raw, file_name)
        return read_csv(decode_text(raw), columns, f"{file_name}: {inner}" if file_name else inner)
    text = decode_text(raw)
    if not text.strip():
        raise ReadError(f"{file_name or 'The file'} is empty.")
    looks_vcard = text.lstrip()[:11].upper() == "BEGIN:VCARD"
    if looks_vcard or file_name.casefold().endswith((".vcf", ".vcard")):
        if columns:
            raise ReadError("--map is for CSV files; a vCard names its own fields.")
        return read_vcards(text, file_name)
    return read_csv(text, columns, file_name)


def _connections_from_zip(raw: bytes, file_name: str) -> tuple[str, bytes]:
    what = file_name or "The ZIP file"
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ReadError(f"{what} looks like a ZIP file but cannot be opened (damaged?).") from None
    with archive:
        members = [i for i in archive.infolist() if not i.is_dir()]
        found = [i for i in members if PurePosixPath(i.filename).name.casefold() == CONNECTIONS]
        if not found:
            raise ReadError(
                f"{what} holds {len(members)} files but no Connections.csv. In LinkedIn's "
                "'Get a copy of your data', tick Connections (or pick the CSV itself)."
            )
        member = min(found, key=lambda i: i.filename.count("/"))
        if member.file_size > MAX_FILE_BYTES:
            raise ReadError(f"Connections.csv in {what} is too large to be an address book.")
        try:
            with archive.open(member) as inner:
                data = inner.read(MAX_FILE_BYTES + 1)
        except RuntimeError:  # encrypted
            raise ReadError(f"{what} is protected by a password; unzip it first.") from None
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError):
            raise ReadError(f"Connections.csv in {what} cannot be unpacked (damaged?).") from None
        if len(data) > MAX_FILE_BYTES:
            raise ReadError(f"Connections.csv in {what} is too large to be an address book.")
        return member.filename, data
