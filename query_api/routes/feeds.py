"""What the status page hands out beside itself: its Atom feed and the QR code of its report form,
both with absolute links under the site's public URL."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response

from projections import status_page
from query_api.deps import Db, VisibleCopro
from query_api.pages import PAGE, conditional, feed_of, renderings
from query_api.reads import Reads
from query_api.views import qr

router = APIRouter(prefix="/status", tags=["status"])

# An image nobody edits: the same URL always makes the same one.
QR_CACHE = "public, max-age=3600"


@router.get(
    "/{slug}/feed.atom",
    dependencies=[Depends(Reads(*PAGE))],
    response_class=Response,
    responses={200: {"content": {"application/atom+xml": {}}, "description": "Atom 1.0"}},
)
def status_feed(request: Request, copro: VisibleCopro, conn: Db) -> Response:
    """The condo's incidents and maintenance windows as an Atom feed, each entry updated when
    it last changed. With an ETag, as the page."""
    rendered = feed_of(renderings(request), conn, copro, public_site(request))
    return conditional(request, rendered, copro["public_status_page"])


@router.get(
    "/{slug}/qr.svg",
    dependencies=[Depends(Reads(status_page.projection))],
    response_class=Response,
    responses={200: {"content": {"image/svg+xml": {}}, "description": "An SVG image"}},
)
def report_qr(request: Request, copro: VisibleCopro) -> Response:
    """A QR code of the condo's report form (`<public URL>/c/<slug>/report`), to print."""
    url = qr.report_url(public_site(request), copro["slug"])
    return Response(
        qr.report_qr_svg(url, copro["name"]),
        media_type="image/svg+xml",
        headers={"Cache-Control": QR_CACHE if copro["public_status_page"] else "private"},
    )


def public_site(request: Request) -> str:
    """`COPRO_PUBLIC_URL`, or else the origin the request was sent to: behind nginx, the `Host`
    and `X-Forwarded-Proto` it passes on."""
    configured = request.app.state.settings.public_url
    if configured:
        return str(configured).rstrip("/")
    scheme = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    if scheme not in ("http", "https"):
        scheme = request.url.scheme
    host = request.headers.get("host") or request.url.netloc
    return f"{scheme}://{host}"
