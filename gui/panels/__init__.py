"""The window's panels, one module each; each owns its widgets and talks through signals."""
