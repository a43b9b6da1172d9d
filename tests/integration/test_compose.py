"""The compose file cannot run here (no Docker engine): it is checked by reading it."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.main import get_command

from copro.cli import app

INFRA = Path(__file__).resolve().parents[2] / "infra"


def compose() -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((INFRA / "docker-compose.yml").read_text())


def test_postgres_15_has_a_healthcheck_and_keeps_its_data_in_a_volume() -> None:
    postgres = compose()["services"]["postgres"]
    assert postgres["image"] == "postgres:15"
    assert "pg_isready" in " ".join(postgres["healthcheck"]["test"])
    assert any(v.startswith("pgdata:") for v in postgres["volumes"])
    assert "pgdata" in compose()["volumes"]


def test_every_copro_service_runs_a_command_the_cli_has() -> None:
    services = compose()["services"]
    cli_commands = set(get_command(app).commands)  # type: ignore[attr-defined]
    copro_services = {"command-api", "query-api", "projector", "scheduler"}
    assert copro_services <= set(services)
    for name in copro_services:
        assert services[name]["command"][0] in cli_commands, name
        assert services[name]["depends_on"]["postgres"]["condition"] == "service_healthy"
        assert services[name]["environment"]["COPRO_DATABASE_URL"].startswith("postgresql://")


def test_no_secret_is_written_in_the_file() -> None:
    environment = compose()["services"]["command-api"]["environment"]
    assert environment["COPRO_SECRET_KEY"].startswith("${COPRO_SECRET_KEY:?")


def test_the_web_service_routes_reads_and_writes_to_the_two_apis() -> None:
    web = compose()["services"]["web"]
    nginx = (INFRA / "nginx.conf").read_text()
    assert web["image"].startswith("nginx")
    assert "GET     query-api" in nginx and "default command-api" in nginx
    assert "server ${COPRO_QUERY_API}" in nginx and "server ${COPRO_COMMAND_API}" in nginx
    assert web["environment"]["COPRO_QUERY_API"] == "query-api:8002"
    assert web["environment"]["COPRO_COMMAND_API"] == "command-api:8001"
    assert any(v.endswith("/etc/nginx/templates/default.conf.template:ro") for v in web["volumes"])
    ports = {
        s["command"][-1]
        for n, s in compose()["services"].items()
        if n in ("command-api", "query-api")
    }
    assert ports == {"8001", "8002"}


def test_the_apis_believe_only_nginx_about_client_addresses() -> None:
    services = compose()["services"]
    nginx_address = services["web"]["networks"]["copro"]["ipv4_address"]
    for name in ("command-api", "query-api"):
        assert services[name]["environment"]["FORWARDED_ALLOW_IPS"] == nginx_address
        # Reachable through nginx only.
        assert "ports" not in services[name]
    nginx = (INFRA / "nginx.conf").read_text()
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in nginx
    assert "$proxy_add_x_forwarded_for" not in nginx


def test_nginx_refuses_bodies_over_one_megabyte() -> None:
    assert "client_max_body_size 1m;" in (INFRA / "nginx.conf").read_text()
