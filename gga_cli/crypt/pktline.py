"""git's pkt-line framing, as its long-running filter protocol (version 2) speaks it.

A packet is four hex digits of length (the four included) and the data; "0000" is a
flush packet that ends a list. See gitprotocol-common(5) and gitattributes(5).
"""

from __future__ import annotations

from typing import BinaryIO

MAX_DATA = 65516


class ProtocolError(Exception):
    """git sent something that is no pkt-line, or closed the pipe in the middle of one."""


def read_packet(stream: BinaryIO) -> bytes | None:
    """One packet's data; None for a flush packet; EOFError where git closed the pipe."""
    head = stream.read(4)
    if not head:
        raise EOFError
    if len(head) != 4:
        raise ProtocolError("short packet length")
    try:
        size = int(head, 16)
    except ValueError:
        raise ProtocolError(f"bad packet length {head!r}") from None
    if size == 0:
        return None
    if size < 4:
        raise ProtocolError(f"bad packet length {size}")
    data = stream.read(size - 4)
    if len(data) != size - 4:
        raise ProtocolError("short packet")
    return data


def read_list(stream: BinaryIO) -> list[bytes]:
    """Packets up to the next flush, each without its trailing newline."""
    found: list[bytes] = []
    while (packet := read_packet(stream)) is not None:
        found.append(packet.rstrip(b"\n"))
    return found


def read_content(stream: BinaryIO) -> bytes:
    """Packets up to the next flush, joined as they are (a file's bytes)."""
    parts: list[bytes] = []
    while (packet := read_packet(stream)) is not None:
        parts.append(packet)
    return b"".join(parts)


def write_packet(stream: BinaryIO, data: bytes) -> None:
    stream.write(b"%04x" % (len(data) + 4) + data)


def flush(stream: BinaryIO) -> None:
    stream.write(b"0000")


def write_list(stream: BinaryIO, lines: list[str]) -> None:
    for line in lines:
        write_packet(stream, line.encode() + b"\n")
    flush(stream)


def write_content(stream: BinaryIO, data: bytes) -> None:
    for start in range(0, len(data), MAX_DATA):
        write_packet(stream, data[start:start + MAX_DATA])
    flush(stream)
