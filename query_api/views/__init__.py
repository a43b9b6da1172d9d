"""Read-side query functions, one module per part of the product."""
