"""PyInstaller run-time hook: install an Argos package shipped inside the bundle.

Headless commands (``lagebild translate``, ``models``, ``screenshot``) install a bundled
model before they run, so an air-gapped machine translates on its very first command.
The window does not wait here: it calls ``bundled_models.install_pending`` in the
background. After the first success a marker in the data dir makes this a single stat.
"""


def _lagebild_install_bundled_models() -> None:
    import sys

    headless = {"translate", "models", "screenshot"}
    if len(sys.argv) < 2 or sys.argv[1] not in headless:
        return
    try:
        from desktop.core.translation import bundled as bundled_models

        bundled_models.install_pending()
    except Exception as exc:  # never block the program: the user can install by hand
        print(f"lagebild: warning: bundled model not installed: {exc}", file=sys.stderr)


_lagebild_install_bundled_models()
