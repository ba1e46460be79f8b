"""Controllers: background work and documents, turned into :class:`gui.session.SessionState` updates."""
