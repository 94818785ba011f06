"""What a person does in a real browser (Playwright on the system Chromium)."""
