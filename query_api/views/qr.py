"""The QR code printed in the hall: it opens the condo's report form."""

from __future__ import annotations

import io

import segno


def report_url(site: str, slug: str) -> str:
    """The report form's absolute address, `site` being the public URL without a slash."""
    return f"{site}/c/{slug}/report"


def report_qr_svg(url: str, copro_name: str) -> bytes:
    """An SVG of the QR code of `url`, titled for screen readers. Medium error correction:
    still read when a printed sheet is a little worn."""
    out = io.BytesIO()
    segno.make(url, error="m", micro=False).save(
        out,
        kind="svg",
        scale=4,
        border=4,
        title=f"QR code du formulaire de signalement — {copro_name}",
        desc=url,
    )
    return out.getvalue()
