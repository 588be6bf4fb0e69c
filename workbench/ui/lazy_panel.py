"""Panels that refresh only while shown, and pages and widgets built on first use:
hidden panels cost nothing per edit, and what is off screen costs nothing at start-up."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget


class LazyPanel(QWidget):
    """Subclasses implement refresh(); connect a controller signal to `changed`."""

    _stale = True
    _active = False

    def refresh(self) -> object:  # pragma: no cover - overridden
        raise NotImplementedError

    def changed(self, *_args) -> None:
        if self._active:
            self.refresh()
        else:
            self._stale = True

    def set_active(self, active: bool) -> None:
        """Told by its dock's visibilityChanged (a tab selected or not, shown or hidden)."""
        self._active = active
        if active and self._stale:
            self.refresh()


class LazyPage(LazyPanel):
    """A LazyPanel that is one page of a tab widget: shown and hidden with its tab, so it
    learns whether it is shown from its own show and hide events."""

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.set_active(True)

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().hideEvent(event)
        self.set_active(False)


class DeferredTabs(QObject):
    """Pages of a tab widget built on first use, so start-up builds only what is on screen.

    Each deferred page starts as an empty placeholder tab; the page is made (and put in the
    placeholder's place, same index and title) when its tab is selected or when code asks
    for it with `page(title)`. A page built late reads the controller's latest results, so
    it shows every edit made before it existed.
    """

    built = Signal(str, QWidget)  # title, page

    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self.tabs = tabs
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._placeholders: dict[str, QWidget] = {}
        self._pages: dict[str, QWidget] = {}
        tabs.currentChanged.connect(self._on_current_changed)

    def add(self, title: str, factory: Callable[[], QWidget]) -> None:
        placeholder = QWidget()
        placeholder.setObjectName(f"Deferred {title}")
        self._factories[title] = factory
        self._placeholders[title] = placeholder
        self.tabs.addTab(placeholder, title)

    def page(self, title: str) -> QWidget:
        """The page, built now if it was not yet."""
        page = self._pages.get(title)
        if page is None:
            page = self._build(title)
        return page

    def built_pages(self) -> list[QWidget]:
        return list(self._pages.values())

    def is_built(self, title: str) -> bool:
        return title in self._pages

    def _build(self, title: str) -> QWidget:
        page = self._factories.pop(title)()
        self._pages[title] = page
        placeholder = self._placeholders.pop(title)
        index = self.tabs.indexOf(placeholder)
        current = self.tabs.currentIndex()
        blocked = self.tabs.blockSignals(True)  # the same tab stays current: no change
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, page, title)
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(blocked)
        placeholder.deleteLater()
        self.built.emit(title, page)
        return page

    def _on_current_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        for title, placeholder in list(self._placeholders.items()):
            if widget is placeholder:
                self._build(title)


class DeferredTables(Mapping):
    """Tabs of a DeferredTabs by key (in tab order), each built when its tab is first
    selected or when code first asks for it (`tables[key]`); `built()` gives those that
    exist without building the others."""

    def __init__(self, tabs: DeferredTabs, titles: dict) -> None:
        self._tabs = tabs
        self._titles = titles  # key -> tab title

    def __getitem__(self, key) -> QWidget:
        return self._tabs.page(self._titles[key])

    def __iter__(self) -> Iterator:
        return iter(self._titles)

    def __len__(self) -> int:
        return len(self._titles)

    def built(self) -> list[QWidget]:
        return [self._tabs.page(t) for t in self._titles.values() if self._tabs.is_built(t)]


class DeferredWidget(QWidget):
    """Stands in a layout for a widget built on first use (`widget()`): the charts beside
    the first table are built just after the window's first paint, not before it; a
    dock's panel when the dock is first shown (see `build_when_shown`)."""

    built = Signal(QWidget)

    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory: Callable[[], QWidget] | None = factory
        self._widget: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def widget(self) -> QWidget:
        if self._widget is None:
            factory, self._factory = self._factory, None
            assert factory is not None
            try:
                self._widget = factory()
            except BaseException:
                self._factory = factory  # asked again, it is tried again
                raise
            self.layout().addWidget(self._widget)
            self.built.emit(self._widget)
        return self._widget

    def is_built(self) -> bool:
        return self._widget is not None

    def build_when_shown(self, dock) -> None:
        """Build the widget when `dock` (a QDockWidget holding this) is first shown."""
        dock.visibilityChanged.connect(lambda shown: shown and self.widget())
