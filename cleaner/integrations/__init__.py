"""Adapters that run the cleaner inside other tools' pipelines (optional extras)."""
