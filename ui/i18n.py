"""The UI's words in English or Welsh, chosen per window.

UI strings are marked the Qt way, ``self.tr("Save")`` inside a class, so
``pyside6-lupdate`` finds them and writes them to Qt translation files
(``resources/translations/cy/*.ts``, one per source file, edited in Qt Linguist
or by hand). ``installer/translations.py release`` compiles those into
``resources/translations/roth_desktop_cy.qm``.

Qt's own ``QObject.tr`` asks the translators installed on the application, which
would put every window in one language. A family may want their screen in Welsh
while the chair's console stays in English, so our classes mix in
:class:`Translated`, whose ``tr`` asks the translator of the window the object
lives in: the nearest object up the parent chain with a ``ui_language``
attribute, or the app's default.

Strings outside a class (a module-level helper) take a :class:`Language` and call
``language.translate("Context", "text")``, which lupdate also finds.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import as_file, files

from PySide6.QtCore import QObject, QTranslator

LANGUAGES: tuple[tuple[str, str], ...] = (("en", "English"), ("cy", "Cymraeg"))
CODES = frozenset(code for code, _ in LANGUAGES)

_default = "en"


def set_default_language(code: str) -> None:
    """The language of windows that have not chosen one (the chair's setting)."""
    global _default
    _default = code if code in CODES else "en"


def default_language() -> str:
    return _default


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # Qt's name, which lupdate knows
    """Marks a string kept in a module-level table; translate it where it is shown."""
    return source


class Language:
    """One language's translations, read from the compiled .qm file."""

    def __init__(self, code: str) -> None:
        if code not in CODES:
            raise ValueError(f"Not a language the app has: {code!r}")
        self.code = code
        self._translator: QTranslator | None = None
        if code != "en":  # the source strings are English
            translator = QTranslator()
            resource = files("resources").joinpath(f"translations/roth_desktop_{code}.qm")
            with as_file(resource) as path:
                # A missing .qm (a checkout where `make install` has not run) falls
                # back to English rather than stopping the app.
                if path.exists() and translator.load(str(path)):
                    self._translator = translator

    @property
    def loaded(self) -> bool:
        """Whether translations were found (English always counts as loaded)."""
        return self.code == "en" or self._translator is not None

    def translate(self, context: str, source: str) -> str:
        if self._translator is None:
            return source
        return self._translator.translate(context, source) or source

    def translate_for(self, cls: type, source: str) -> str:
        """Look the text up under the class's name, then its bases' names.

        lupdate files a ``self.tr`` under the class whose body holds the call, which
        for an inherited method is a base class of the object's own class.
        """
        if self._translator is None:
            return source
        for klass in cls.__mro__:
            if klass.__module__.startswith(("PySide6", "shiboken6", "builtins")):
                break
            found = self._translator.translate(klass.__name__, source)
            if found:
                return found
        return source


@cache
def language(code: str) -> Language:
    return Language(code)


def language_of(obj: QObject | None) -> str:
    """The language of the window ``obj`` belongs to."""
    node = obj
    try:
        while node is not None:
            code = getattr(node, "ui_language", None)
            if isinstance(code, str) and code in CODES:
                return code
            node = node.parent()
    except RuntimeError:
        # A window being torn down (Qt has already deleted a parent) may still be
        # asked for a header or a label: answer, rather than fail inside Qt.
        pass
    return _default


class Translated:
    """Mixed into our QObject classes (before the Qt base) so ``tr`` follows the window."""

    def tr(self, sourceText: str, /, disambiguation: str | None = None, n: int = -1) -> str:
        obj = self if isinstance(self, QObject) else None
        return language(language_of(obj)).translate_for(type(self), sourceText)
