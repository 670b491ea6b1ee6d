"""The court's electronic seal on its acts (CAS-5): PAdES signatures made with pyHanko.

The seal is a PKCS#12 file (the key, its certificate and the chain) named by
`COURTS["SEAL_PKCS12"]` with `COURTS["SEAL_PASSPHRASE"]` — in production the issuing body's
real seal (set `DAFTAR_SEAL_PKCS12` and `DAFTAR_SEAL_PASSPHRASE`). Without one, a
development CA and a seal certificate issued by it are generated on demand under
`COURTS["SEAL_DIR"]` (`manage.py courts_dev_seal`, which `make run` calls); their keys are
never committed. Any PDF reader that trusts the CA verifies the seal offline.
"""

import asyncio
import fcntl
import io
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.conf import settings

DEV_PASSPHRASE = b"daftar-development-seal"


def _dir() -> Path:
    return Path(settings.COURTS["SEAL_DIR"])


def _name(common: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "IR"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Daftar development"),
            x509.NameAttribute(NameOID.COMMON_NAME, common),
        ]
    )


def make_dev_seal(directory: Path | None = None, *, force: bool = False) -> Path:
    """A development CA and a seal certificate it issued, as `seal.p12` and `ca.pem`."""
    directory = directory or _dir()
    p12 = directory / "seal.p12"
    if p12.exists() and (directory / "ca.pem").exists() and not force:
        return p12
    directory.mkdir(parents=True, exist_ok=True)
    # Processes that start together (a site's workers, parallel tests) make one pair: the
    # first makes it under the lock, the others find it made.
    with open(directory / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if p12.exists() and (directory / "ca.pem").exists() and not force:
            return p12
        _write_dev_seal(directory)
    return p12


def _write_dev_seal(directory: Path) -> None:
    p12, ca_pem = directory / "seal.p12", directory / "ca.pem"
    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_subject = _name("Daftar development CA")
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_subject)
        .issuer_name(ca_subject)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("Daftar development court seal"))
        .issuer_name(ca_subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=1825))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    blob = pkcs12.serialize_key_and_certificates(
        b"seal",
        key,
        cert,
        [ca],
        serialization.BestAvailableEncryption(DEV_PASSPHRASE),
    )
    ca_pem.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    p12.write_bytes(blob)
    p12.chmod(0o600)


@dataclass(frozen=True)
class Seal:
    p12: Path
    passphrase: bytes


def current_seal() -> Seal:
    conf = settings.COURTS
    if conf.get("SEAL_PKCS12"):
        return Seal(Path(conf["SEAL_PKCS12"]), str(conf.get("SEAL_PASSPHRASE", "")).encode())
    return Seal(make_dev_seal(), DEV_PASSPHRASE)


def trust_roots() -> list[x509.Certificate]:
    """The CA certificates a verifier trusts: the seal file's chain (for the development
    seal, the development CA)."""
    seal = current_seal()
    _key, _cert, chain = pkcs12.load_key_and_certificates(seal.p12.read_bytes(), seal.passphrase)
    return list(chain or [])


def _outside_event_loop(function, *args, **kwargs):
    """Call `function`, which runs its own event loop (pyHanko's synchronous API does), in
    a thread of its own when this thread already runs one (an ASGI worker, a browser
    driver): asyncio allows one running loop per thread."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return function(*args, **kwargs)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args, **kwargs).result()


def seal_pdf(pdf: bytes, *, reason: str, location: str = "") -> bytes:
    """`pdf` with a PAdES seal (an invisible signature field named "Seal")."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigSeedSubFilter

    seal = current_seal()
    signer = signers.SimpleSigner.load_pkcs12(str(seal.p12), passphrase=seal.passphrase)
    meta = signers.PdfSignatureMetadata(
        field_name="Seal",
        reason=reason[:200],
        location=location[:200] or None,
        subfilter=SigSeedSubFilter.PADES,
        md_algorithm="sha256",
    )
    out = io.BytesIO()
    _outside_event_loop(
        signers.sign_pdf,
        IncrementalPdfFileWriter(io.BytesIO(pdf)),
        meta,
        signer=signer,
        output=out,
    )
    return out.getvalue()


def verify_pdf(pdf: bytes) -> bool:
    """True if `pdf` carries an intact seal, covering the whole file, by a certificate that
    chains to a trusted root (pyHanko's validation)."""
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    roots = [
        asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))
        for c in trust_roots()
    ]
    try:
        reader = PdfFileReader(io.BytesIO(pdf))
        signatures = reader.embedded_signatures
        if not signatures:
            return False
        status = _outside_event_loop(
            validate_pdf_signature,
            signatures[-1],
            ValidationContext(trust_roots=roots, allow_fetching=False),
        )
    except Exception:  # noqa: BLE001 — a damaged file is an invalid seal
        return False
    return bool(
        status.intact
        and status.valid
        and status.trusted
        and status.coverage.name in ("ENTIRE_FILE",)
    )
