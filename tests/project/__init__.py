"""The project as a whole: settings, translations, the one-way imports between apps."""
