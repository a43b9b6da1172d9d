"""The application's commands, one module per part of the product."""
