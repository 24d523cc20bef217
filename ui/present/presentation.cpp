#include "present/presentation.h"

#include "analysis/narration.h"
#include "bridge/qtext.h"
#include "bridge/schedulerbridge.h"
#include "explain/eventlog.h"
#include "timeline/timelinescene.h"
#include "timeline/timelinestyle.h"
#include "timeline/timelineview.h"
#include "view/axis.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QKeyEvent>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace coroscope {

double presentationScale(QSizeF viewport, QSizeF page) {
    if (page.isEmpty())
        return 1;
    return std::max(1.0,
                    std::min(viewport.width() / page.width(), viewport.height() / page.height()));
}

namespace {

QFont scaledFont(const QWidget* widget, double factor, bool bold) {
    QFont font = widget->font();
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

} // namespace

Presentation::Presentation(QMainWindow* window, SchedulerBridge* bridge, TimelineScene* scene,
                           TimelineView* view, QList<QWidget*> alsoHidden)
    : QObject(window)
    , window_(window)
    , bridge_(bridge)
    , scene_(scene)
    , view_(view)
    , viewport_(view->viewport())
    , alsoHidden_(std::move(alsoHidden))
    , action_(new QAction(tr("&Present"), this))
    , footer_(new QWidget(window))
    , time_(new QLabel(footer_))
    , caption_(new QLabel(footer_)) {
    action_->setCheckable(true);
    action_->setShortcut(Qt::Key_F11);
    action_->setStatusTip(tr("Full screen, the card alone with the time and what happens now"));
    window_->addAction(action_);
    connect(action_, &QAction::toggled, this, [this](bool on) { on ? enter() : leave(); });
    time_->setTextFormat(Qt::PlainText);
    time_->setAlignment(Qt::AlignCenter);
    time_->setFont(scaledFont(time_, 3, true));
    time_->setAccessibleName(tr("Time"));
    caption_->setTextFormat(Qt::PlainText);
    caption_->setAlignment(Qt::AlignCenter);
    caption_->setWordWrap(true);
    caption_->setFont(scaledFont(caption_, 1.6, false));
    caption_->setAccessibleName(tr("What happens now"));
    const auto playOrPause = [this] { bridge_->isPlaying() ? bridge_->pause() : bridge_->play(); };
    const auto zoomIn = [this] { view_->zoomIn(); };
    keys_ = {{Qt::Key_Space, tr("Play / pause"), playOrPause},
             {Qt::Key_Left, tr("Previous event"), [this] { bridge_->stepBack(); }},
             {Qt::Key_Right, tr("Next event"), [this] { bridge_->stepForward(); }},
             {Qt::Key_Plus, tr("Zoom in"), zoomIn},
             {Qt::Key_Equal, tr("Zoom in"), zoomIn},
             {Qt::Key_Minus, tr("Zoom out"), [this] { view_->zoomOut(); }},
             {Qt::Key_0, tr("Fit the whole run"), [this] { view_->zoomToFit(); }},
             {Qt::Key_Escape, tr("Leave"), [this] { action_->setChecked(false); }}};
    auto* layout = new QVBoxLayout(footer_);
    layout->addWidget(caption_);
    layout->addWidget(time_);
    footer_->hide();
    connect(bridge_, &SchedulerBridge::timeAdvanced, this, [this](double ms) {
        if (active())
            showNow(ms);
    });
    connect(bridge_, &SchedulerBridge::scenarioChanged, this, [this] {
        if (!active())
            return;
        lines_ = narrateRun(bridge_->scenario(), bridge_->events(), bridge_->measured().get());
        showNow(bridge_->now());
    });
}

bool Presentation::active() const {
    return action_->isChecked();
}

KeyHelpList Presentation::keyHelp() const {
    KeyHelpList rows;
    for (const Key& key : keys_)
        rows.push_back({keyNames({QKeySequence(key.key)}), tr("%1 (presenting)").arg(key.help)});
    return rows;
}

void Presentation::enter() {
    hidden_.clear();
    QList<QWidget*> bars{window_->menuBar(), window_->statusBar()};
    for (QDockWidget* dock : window_->findChildren<QDockWidget*>())
        bars << dock;
    for (QToolBar* bar : window_->findChildren<QToolBar*>())
        bars << bar;
    for (QWidget* widget : bars + alsoHidden_)
        if (widget->isVisible()) {
            hidden_ << widget;
            widget->hide();
        }
    lines_ = narrateRun(bridge_->scenario(), bridge_->events(), bridge_->measured().get());
    showNow(bridge_->now());
    footer_->show();
    before_ = window_->windowState();
    window_->setWindowState(before_ | Qt::WindowFullScreen);
    // The keys, and the viewport's size for the scale, wherever the focus is.
    qApp->installEventFilter(this);
    view_->setFocus();
    rescale();
}

void Presentation::leave() {
    qApp->removeEventFilter(this);
    window_->setWindowState(before_);
    footer_->hide();
    for (const QPointer<QWidget>& widget : std::as_const(hidden_))
        if (widget)
            widget->show();
    hidden_.clear();
    view_->resetTransform();
}

void Presentation::rescale() {
    const double scale =
        presentationScale(viewport_->size(), QSizeF(style::kCardMaxWidth + 2 * style::kPagePadding,
                                                    scene_->layout().page.height()));
    view_->setTransform(QTransform::fromScale(scale, scale));
}

void Presentation::showNow(double ms) {
    time_->setText(toQString(timeReadout(ms, scene_->ticks())));
    const int line = logLineAt(lines_, ms);
    caption_->setText(line < 0 ? QString() : EventLog::shown(lines_[std::size_t(line)]));
}

bool Presentation::eventFilter(QObject* watched, QEvent* event) {
    const QEvent::Type type = event->type();
    // Compared by address alone: the application's events reach here while widgets are being
    // destroyed, when the view may already be no more than a QWidget.
    if (watched == viewport_ && type == QEvent::Resize) {
        rescale();
        return false;
    }
    if ((type != QEvent::ShortcutOverride && type != QEvent::KeyPress) ||
        !watched->isWidgetType() || static_cast<QWidget*>(watched)->window() != window_)
        return false;
    const auto* key = static_cast<QKeyEvent*>(event);
    if (key->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier))
        return false;
    const auto found = std::find_if(keys_.begin(), keys_.end(),
                                    [&](const Key& entry) { return entry.key == key->key(); });
    if (found == keys_.end())
        return false;
    if (type == QEvent::ShortcutOverride)
        event->accept(); // ours, not a shortcut's: the key press comes here next
    else
        found->act();
    return true;
}

} // namespace coroscope
