"""The demo catalog: its shape, determinism, idempotence and respect of the model rules."""
