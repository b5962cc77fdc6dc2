"""Menus, actions and keyboard shortcuts of the main window."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from desktop import APP_NAME, __version__


class Actions(QObject):
    """Every window action; `all()` feeds the shortcuts list in Help."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        w = window
        self.open = self._act(self.tr("&Open…"), QKeySequence.StandardKey.Open, self._open)
        self.open_url = self._act(self.tr("Open &URL…"), "Ctrl+Shift+O", self._open_url)
        self.paste = self._act(self.tr("&Paste as New Document…"), "Ctrl+Shift+V", w.paste_document)
        # Ctrl+V on the window: a link opens its page, browser HTML opens as an article.
        # The search box and dialogs keep their own Ctrl+V (they take the key first).
        self.paste_link = self._act(
            self.tr("Paste &Link or Web Page"), QKeySequence.StandardKey.Paste, w.paste_clipboard
        )
        self.export_html = self._act(
            self.tr("Export &Bilingual HTML…"), "Ctrl+E", self._export_html
        )
        self.export_glossary = self._act(
            self.tr("Export &Glossary (CSV/TBX)…"), "Ctrl+Shift+E", self._export_glossary
        )
        self.quit = self._act(self.tr("&Quit"), QKeySequence.StandardKey.Quit, w.close)
        self.zoom_in = self._act(
            self.tr("Zoom &In"), QKeySequence.StandardKey.ZoomIn, lambda: w.set_zoom(w.zoom + 1)
        )
        self.zoom_in.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.zoom_out = self._act(
            self.tr("Zoom &Out"), QKeySequence.StandardKey.ZoomOut, lambda: w.set_zoom(w.zoom - 1)
        )
        self.zoom_reset = self._act(self.tr("&Reset Zoom"), "Ctrl+0", lambda: w.set_zoom(12.0))
        self.sync_scroll = self._act(
            self.tr("&Synchronised Scrolling"), "Ctrl+L", self._toggle_sync, checkable=True
        )
        self.dark_theme = self._act(
            self.tr("&Dark Theme"),
            "Ctrl+Shift+D",
            lambda checked: w.apply_theme(checked),
            checkable=True,
        )
        self.show_glossary = w.dock.toggleViewAction()
        self.show_glossary.setText(self.tr("&Glossary Panel"))
        self.show_glossary.setShortcut(QKeySequence("Ctrl+G"))
        self.search = self._act(
            self.tr("&Find in Glossary"), QKeySequence.StandardKey.Find, self._focus_search
        )
        self.focus_german = self._act(
            self.tr("Focus &German Text"), "Ctrl+1", lambda: w.view.source.setFocus()
        )
        self.focus_english = self._act(
            self.tr("Focus &English Text"), "Ctrl+2", lambda: w.view.target.setFocus()
        )
        self.focus_glossary = self._act(
            self.tr("Focus Glossary &List"),
            "Ctrl+3",
            lambda: (w.dock.show(), w.dock.tree.setFocus()),
        )
        self.translate = self._act(self.tr("&Translate Again"), "F5", w.start_translation)
        self.cancel = self._act(self.tr("&Cancel Translation"), "Esc", w.cancel_translation)
        self.add_term = self._act(self.tr("&Add Term to Glossary…"), "Ctrl+T", self._add_term)
        self.models = self._act(self.tr("&Models…"), "Ctrl+M", w.show_models_dialog)
        # The word lookup (desktop/ui/lookup_popup.py): the selection or the word at the caret.
        self.look_up = self._act(
            self.tr("&Look Up Word"), "Ctrl+D", lambda: w.lookup.look_up_at_cursor()
        )
        self.dictionary_install = self._act(
            self.tr("&Install from File…"), None, lambda: w.lookup.install_from_file()
        )
        self.dictionary_status = self._act(self.tr("&Status"), None, lambda: w.lookup.show_status())
        self.shortcuts = self._act(self.tr("&Keyboard Shortcuts"), "F1", self._show_shortcuts)
        self.about = self._act(self.tr("&About Lagebild"), None, self._about)

        bar = w.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.open)
        self.recent_menu = QMenu(self.tr("Open &Recent"), w)
        file_menu.addMenu(self.recent_menu)
        file_menu.addActions([self.open_url, self.paste_link, self.paste])
        file_menu.addSeparator()
        file_menu.addActions([self.export_html, self.export_glossary])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([self.zoom_in, self.zoom_out, self.zoom_reset])
        view_menu.addSeparator()
        view_menu.addActions([self.sync_scroll, self.dark_theme, self.show_glossary])
        view_menu.addSeparator()
        view_menu.addActions(
            [self.focus_german, self.focus_english, self.focus_glossary, self.search]
        )
        tools = bar.addMenu(self.tr("&Tools"))
        tools.addActions([self.translate, self.cancel, self.add_term, self.models])
        tools.addSeparator()
        tools.addAction(self.look_up)
        dictionary_menu = tools.addMenu(self.tr("&Dictionary"))
        dictionary_menu.addActions([self.dictionary_install, self.dictionary_status])
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.shortcuts, self.about])
        w.library.install_menus(self, file_menu, view_menu, tools, before=help_menu)

    def _act(self, text, shortcut, slot, checkable: bool = False) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot if checkable else (lambda _checked=False: slot()))
        self.window.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def all(self) -> list[QAction]:
        """All actions, in menu order."""
        return [a for a in vars(self).values() if isinstance(a, QAction)]

    def rebuild_recent(self) -> None:
        """Refill the Open Recent menu from the settings."""
        menu = self.recent_menu
        menu.clear()
        for path in self.window.recent_files():
            action = menu.addAction(Path(path).name)
            action.setToolTip(html.escape(path))  # tooltips guess rich text
            action.triggered.connect(lambda _c=False, p=path: self.window.open_file(p))
        menu.setEnabled(bool(menu.actions()))

    # --- slots -----------------------------------------------------------------------------

    def _open(self) -> None:
        w = self.window
        path, _ = QFileDialog.getOpenFileName(
            w,
            self.tr("Open document"),
            "",
            self.tr("Documents (*.txt *.md *.markdown *.html *.htm *.docx *.pdf);;All files (*)"),
        )
        if path:
            w.open_file(path)

    def _open_url(self) -> None:
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtWidgets import QInputDialog

        from desktop.core.documents import is_url

        w = self.window
        clipboard = QGuiApplication.clipboard().text().strip()
        url, ok = QInputDialog.getText(
            w,
            self.tr("Open URL"),
            self.tr("Address of a web page (https://…):"),
            text=clipboard if is_url(clipboard) else "",
        )
        url = url.strip()
        if not ok or not url:
            return
        if not is_url(url):
            w.status_label.setText(
                self.tr("Not a web address: %1 (it must start with http:// or https://)").replace(
                    "%1", url[:200]
                )
            )
            return
        w.open_url(url)

    def _export_html(self) -> None:
        w = self.window
        if w.article is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            w,
            self.tr("Export bilingual HTML"),
            f"{w.article.source.name}.html",
            self.tr("HTML (*.html)"),
        )
        if path:
            self._guarded(lambda: w.export_html(path))

    def _export_glossary(self) -> None:
        w = self.window
        if w.article is None:
            return
        path, chosen = QFileDialog.getSaveFileName(
            w,
            self.tr("Export glossary"),
            f"{w.article.source.name}-glossary.csv",
            self.tr("CSV (*.csv);;TBX (*.tbx)"),
        )
        if path:
            if not Path(path).suffix:
                path += ".tbx" if "tbx" in chosen.lower() else ".csv"
            self._guarded(lambda: w.export_glossary(path))

    def _guarded(self, fn) -> None:
        w = self.window
        try:
            fn()
        except OSError as exc:
            from desktop.ui.dialogs import plain_text_message_boxes

            with plain_text_message_boxes():  # the message names a file
                QMessageBox.warning(w, self.tr("Export failed"), str(exc))
        else:
            w.status_label.setText(self.tr("Exported."))

    def _toggle_sync(self, checked: bool) -> None:
        self.window.view.sync_scrolling = checked

    def _focus_search(self) -> None:
        self.window.dock.show()
        self.window.dock.search.setFocus()
        self.window.dock.search.selectAll()

    def _add_term(self) -> None:
        pane = self.window.view.source
        term = pane.textCursor().selectedText().strip()
        sid = pane.sentence_at(pane.textCursor().position())
        context = self.window.article.sentence(sid).text if sid and self.window.article else ""
        self.window.add_term(term, context)

    def _show_shortcuts(self) -> None:
        from desktop.ui.dialogs import ShortcutsDialog

        ShortcutsDialog(self.all(), self.window).exec()

    def _about(self) -> None:
        w = self.window
        QMessageBox.about(
            w,
            self.tr("About Lagebild"),
            self.tr(
                "<b>%1 %2</b><p>Read German defence news beside an offline English translation "
                "and a glossary of military and agency terms.</p>"
            )
            .replace("%1", APP_NAME)
            .replace("%2", __version__),
        )


def build(window) -> Actions:
    """Create the menus and actions of WINDOW."""
    return Actions(window)
