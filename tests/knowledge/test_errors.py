"""The one error shape: every ``CanonError`` answers the API as ``{"error": {code, message}}``, its
hint kept on the same line."""

from __future__ import annotations

from api.limits import ServerBusy
from knowledge.errors import ConfigError, IndexUnavailable, error_body


def test_a_hint_goes_in_brackets_after_the_message() -> None:
    exc = ConfigError("canon.toml: [serve] has no key 'x'", hint="the keys are: timeout")
    assert exc.one_line == "canon.toml: [serve] has no key 'x' (the keys are: timeout)"
    assert exc.body() == {"error": {"code": "bad_config", "message": exc.one_line}}


def test_without_a_hint_the_message_is_the_body() -> None:
    assert IndexUnavailable("no index").body() == error_body("index_unavailable", "no index")


def test_errors_of_the_server_limits_take_the_same_shape() -> None:
    body = ServerBusy("all workers busy", retry_after=3).body()
    assert body == {"error": {"code": "busy", "message": "all workers busy"}}
