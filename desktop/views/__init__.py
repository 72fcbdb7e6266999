"""Qt widgets, item models and dialogs: the only package that imports Qt."""
