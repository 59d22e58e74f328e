"""Editors' notes: read and check them (``load``), anchor quotes (``anchoring``), mark passages."""
