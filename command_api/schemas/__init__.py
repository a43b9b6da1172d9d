"""Request and answer bodies, one module per part of the product."""
