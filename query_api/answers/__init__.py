"""What the query API answers, one module per part of the product: each shape a `TypedDict`, so
that the views build and return plain dicts the type checker follows, and pydantic checks and
documents them on the way out (the OpenAPI document, the frontend's generated types).

Every shape is `exact`: a key a view answers without its shape declaring it fails the answer
(a 500 the tests see) instead of being dropped on the way out, and the document says so with
`additionalProperties: false`.
"""
