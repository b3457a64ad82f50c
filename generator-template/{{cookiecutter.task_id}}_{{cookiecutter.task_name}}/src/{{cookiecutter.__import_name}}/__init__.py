"""VBVR task {{ cookiecutter.__key }} ({{ cookiecutter.category }})."""
