"""``python -m orca_huntr``: the headless engine (see ``cli/``); never imports ``qgis``."""

if __name__ == "__main__":  # worker processes started by ``spawn`` import this module too
    from .cli.main import main

    raise SystemExit(main())
