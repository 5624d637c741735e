"""RS256 signing keys: one PEM per key id in a folder; the newest signs, all verify.

Rotation (`python -m app.cli rotate-keys`) adds a key; tokens signed with older keys
stay valid until they expire, then `--retire` removes keys older than the access TTL.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm


@dataclass(frozen=True)
class SigningKey:
    kid: str
    private_pem: bytes
    created: float

    @cached_property
    def private_key(self) -> rsa.RSAPrivateKey:
        # parsing a PEM costs ~35 ms on this machine: once per key, not once per request
        key = serialization.load_pem_private_key(self.private_pem, password=None)
        if not isinstance(key, rsa.RSAPrivateKey):
            raise ValueError(f"signing key {self.kid} is not an RSA key")
        return key

    def public_key(self) -> rsa.RSAPublicKey:
        return self.private_key.public_key()

    def public_jwk(self) -> dict[str, str]:
        jwk = RSAAlgorithm.to_jwk(self.public_key(), as_dict=True)
        return {**jwk, "kid": self.kid, "use": "sig", "alg": "RS256"}


class KeyRing:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._keys: dict[str, SigningKey] = {}
        self._seen = -1  # the folder's mtime when last read

    def _load(self, force: bool = False) -> None:
        # Adding or removing a key changes the folder's mtime: one stat per use is enough
        # for a rotation by any process to reach every running one at once.
        if not self.folder.is_dir() or not any(self.folder.glob("*.pem")):
            self.rotate()
        stamp = self.folder.stat().st_mtime_ns
        if self._keys and not force and stamp == self._seen:
            return
        self._keys = {
            p.stem: SigningKey(p.stem, p.read_bytes(), p.stat().st_mtime)
            for p in self.folder.glob("*.pem")
        }
        self._seen = stamp

    def current(self) -> SigningKey:
        self._load()
        return max(self._keys.values(), key=lambda k: (k.created, k.kid))

    def get(self, kid: str) -> SigningKey | None:
        self._load()
        return self._keys.get(kid)

    def jwks(self) -> dict[str, list[dict[str, str]]]:
        self._load()
        return {"keys": [k.public_jwk() for k in self._keys.values()]}

    def rotate(self) -> str:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.folder.chmod(0o700)
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        kid = time.strftime("%Y%m%d%H%M%S") + "-" + uuid.uuid4().hex[:6]
        path = self.folder / f"{kid}.pem"
        path.write_bytes(key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()))
        path.chmod(0o600)
        return kid

    def retire(self, token_lifetime: float) -> list[str]:
        """Remove keys that stopped signing more than one token lifetime ago: a key stops
        signing when its successor appears, so every token it signed has expired."""
        self._load(force=True)
        ordered = sorted(self._keys.values(), key=lambda k: (k.created, k.kid))
        cutoff = time.time() - token_lifetime
        gone = [old.kid for old, successor in zip(ordered, ordered[1:]) if successor.created < cutoff]
        for kid in gone:
            (self.folder / f"{kid}.pem").unlink()
        return gone
