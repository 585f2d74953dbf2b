"""The headless engine: ``python -m orca_huntr <command>`` on a workspace folder, without QGIS.

A front end like the panel, Processing and the console: it turns command-line arguments
into the engine's plain values and calls the same engine functions. It never imports
``qgis``. ``main.py`` holds the commands, ``exit_codes.py`` the documented exit statuses,
``progress.py`` the progress report on stderr.
"""
