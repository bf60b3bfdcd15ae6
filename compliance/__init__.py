"""Law 09-08 / CNDP compliance checks for AI projects."""

__version__ = "0.1.0"
