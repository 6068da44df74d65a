"""Simplified Chinese catalogue, one module per area; terms follow docs/glossary.md."""
