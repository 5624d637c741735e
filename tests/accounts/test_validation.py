"""Bad sign-up input names its field, and nothing is stored."""

import httpx
import pytest
from neo4j import AsyncDriver

from .helpers import gql, new_email, register

REGISTER = """mutation($in: RegisterInput!) { register(input: $in) { message } }"""


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"email": "not-an-email"}, "email", "Enter a valid email address"),
    ({"email": "a@" + "b" * 260 + ".com"}, "email", "Enter a valid email address"),
    ({"password": "short1"}, "password", "Password must be 10-128 characters"),
    ({"password": "onlyletterslong"}, "password", "Password must mix letters with digits or symbols"),
    ({"password": "p" * 129}, "password", "Password must be 10-128 characters"),
    ({"displayName": ""}, "displayName", "Display name must be 1-50 characters"),
    ({"displayName": "n" * 51}, "displayName", "Display name must be 1-50 characters"),
])
async def test_register_field_errors(api: httpx.AsyncClient, driver: AsyncDriver,
                                     change: dict[str, str], field: str, message: str) -> None:
    data = {"email": new_email(), "password": "good-password-1", "displayName": "Valid Name", **change}
    body = await gql(api, REGISTER, **{"in": data})
    assert body["errors"][0]["message"] == message
    assert body["errors"][0]["extensions"]["field"] == field
    records, _, _ = await driver.execute_query(
        "MATCH (u:User) WHERE u.email = toLower($e) RETURN count(u) AS n", e=data["email"])
    assert records[0]["n"] == 0


async def test_email_is_normalised(api: httpx.AsyncClient, driver: AsyncDriver) -> None:
    email = new_email()
    await register(api, "  " + email.upper() + " ")
    records, _, _ = await driver.execute_query("MATCH (u:User {email: $e}) RETURN count(u) AS n", e=email)
    assert records[0]["n"] == 1
