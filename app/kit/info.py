"""The type of a resolver's `info`: Strawberry's Info over our request context. The type
checker sees the context's class; at run time Strawberry gets plain Info, so no domain
imports the schema's floor (and Strawberry resolves no forward reference)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry

if TYPE_CHECKING:
    from app.graphql.context import Context

    Info = strawberry.Info[Context, None]
else:
    Info = strawberry.Info
